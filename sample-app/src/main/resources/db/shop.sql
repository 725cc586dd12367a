-- Seed example 2, the e-commerce store: a product catalog, orders and their items.
CREATE TABLE products (
  id bigserial PRIMARY KEY,
  name varchar(200) NOT NULL,
  description text,
  price numeric(10,2) NOT NULL CHECK (price >= 0),
  stock integer NOT NULL DEFAULT 0 CHECK (stock >= 0),
  image text,
  created_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
COMMENT ON TABLE products IS 'Things the shop sells';
COMMENT ON COLUMN products.version IS 'Moved by Sentro on every update (sentro.concurrency.version-column): the ETag';

CREATE TABLE orders (
  id bigserial PRIMARY KEY,
  customer_email varchar(255) NOT NULL,
  total numeric(10,2) NOT NULL,
  status varchar(20) NOT NULL DEFAULT 'pending',
  payment_intent_id varchar(100),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE order_items (
  id bigserial PRIMARY KEY,
  order_id bigint NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
  product_id bigint NOT NULL REFERENCES products(id),
  quantity integer NOT NULL CHECK (quantity > 0),
  unit_price numeric(10,2) NOT NULL
);

INSERT INTO products (name, description, price, stock) VALUES
  ('Mechanical keyboard', 'Tactile switches, walnut case', 149.00, 25),
  ('Desk lamp', 'Warm light, dimmable', 39.90, 4),
  ('Notebook', 'Dotted, 120 pages', 7.50, 0);
INSERT INTO orders (customer_email, total, status) VALUES ('ada@example.com', 156.50, 'paid');
INSERT INTO order_items (order_id, product_id, quantity, unit_price) VALUES (1, 1, 1, 149.00), (1, 3, 1, 7.50);
