-- Issue 16 (bulk registration): every registered device wrote seven index entries. Two indexes duplicate others:
-- device_sku (sku, serial) is the unique constraint device_serial_per_model's own index, and device_serial
-- (serial, sku) is served by the unique device_serial_unique (serial) since serials are unique worldwide (V2_1).
drop index if exists device_sku;
drop index if exists device_serial;
