# Import a gift by its gift ID; its defaults and translations are read from the service.
terraform import tencentlive_gift.rose rose
