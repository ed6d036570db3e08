-- Charging history is forgotten by age (provisioning's retention job, simbundle.retention.*), and
-- settlement reads usage by day: both want the age columns indexed.
ALTER TABLE charging_decision ADD INDEX ix_charging_decision_hour (hour);
ALTER TABLE charging_usage ADD INDEX ix_charging_usage_day (day);
