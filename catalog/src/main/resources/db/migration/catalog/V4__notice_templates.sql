-- A catalog version's own words for what subscribers are told (usage alerts, gifts about to
-- expire), Chinese and English per kind, as JSON: {"usage.threshold.DATA": {"zh": …, "en": …}}.
-- NULL for versions stored before catalogs had them: the engine's own words apply.
ALTER TABLE catalog_version ADD COLUMN notices TEXT NULL;
