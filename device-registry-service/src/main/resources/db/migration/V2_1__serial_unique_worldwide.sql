-- Issue 9: a serial is unique worldwide, whatever its model, so that a serial names exactly one device (and one owner)
-- in every service that replicates the registry.
create unique index device_serial_unique on device (serial);
