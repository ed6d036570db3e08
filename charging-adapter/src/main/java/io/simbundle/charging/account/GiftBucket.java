package io.simbundle.charging.account;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import io.simbundle.charging.profile.GiftGrant;
import java.time.Instant;
import java.util.Set;

/**
 * One gift's balance: granted, used and reserved bytes, for some rating groups, until it expires.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE)
final class GiftBucket {
  String code;
  Set<Long> ratingGroups;
  long bytes;
  long used;
  long reserved;
  Instant expiresAt;

  static GiftBucket of(GiftGrant grant) {
    GiftBucket bucket = new GiftBucket();
    bucket.code = grant.code();
    bucket.ratingGroups = grant.ratingGroups();
    bucket.bytes = grant.bytes();
    bucket.expiresAt = grant.expiresAt();
    return bucket;
  }

  long left() {
    return Math.max(0, bytes - used);
  }

  Source source() {
    return new Source(Source.Kind.GIFT, code, "");
  }
}
