package io.simbundle.provisioning.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import java.time.Instant;

@Entity
@Table(name = "provisioning_audit")
class AuditEntryEntity {
  @Id
  // In blocks, so that a batch of rows goes to the database in one insert (see V6).
  @GeneratedValue(strategy = GenerationType.TABLE, generator = "provisioning_audit_id")
  @TableGenerator(
      name = "provisioning_audit_id",
      table = "id_block",
      pkColumnName = "name",
      valueColumnName = "next_value",
      pkColumnValue = "provisioning_audit",
      allocationSize = 50)
  Long id;

  @Column(name = "subject_type", nullable = false, length = 16)
  String subjectType;

  @Column(name = "subject_id", nullable = false)
  long subjectId;

  @Column(name = "from_state", length = 16)
  String fromState;

  @Column(name = "to_state", nullable = false, length = 16)
  String toState;

  @Column(nullable = false, length = 64)
  String actor;

  @Column(nullable = false, length = 1000)
  String reason;

  @Column(nullable = false)
  Instant at;
}
