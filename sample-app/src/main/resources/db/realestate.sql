-- Seed example 4, the real estate platform: property listings with geocoded addresses and images.
CREATE TABLE properties (
  id bigserial PRIMARY KEY,
  title varchar(200) NOT NULL,
  address varchar(500) NOT NULL,
  latitude numeric(9,6),
  longitude numeric(9,6),
  price numeric(12,2) NOT NULL,
  sqft integer NOT NULL DEFAULT 0,
  images jsonb NOT NULL DEFAULT '[]',
  created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON COLUMN properties.images IS 'Image URLs, uploaded through the storage integration';

INSERT INTO properties (title, address, latitude, longitude, price, sqft, images) VALUES
  ('Sunny loft', '1 Market St, San Francisco', 37.794, -122.395, 1250000.00, 1100, '["https://storage.example.test/properties/loft.jpg"]');
