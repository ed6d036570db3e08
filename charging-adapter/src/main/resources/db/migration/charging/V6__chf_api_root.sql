-- Where a node serves 5G SMFs as a CHF (its Nchf apiRoot, e.g. http://10.0.0.7:8090): the Location
-- of the 307 another node answers for the shards this one owns. NULL while it serves no CHF.
ALTER TABLE charging_node ADD COLUMN chf_api_root VARCHAR(255) NULL;
