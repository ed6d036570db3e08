-- What each call is rounded up to (issue 16); plans stored before it charged per started minute.
ALTER TABLE catalog_product_offering
  ADD COLUMN voice_unit_seconds INT NOT NULL DEFAULT 60;
