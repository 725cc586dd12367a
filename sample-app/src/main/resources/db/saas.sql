-- Seed example 3, the multi-tenant SaaS: organizations and their team members.
CREATE TABLE organizations (
  id bigserial PRIMARY KEY,
  name varchar(200) NOT NULL,
  email varchar(255) NOT NULL,
  plan varchar(50) NOT NULL DEFAULT 'free',
  stripe_customer_id varchar(100),
  subscription_id varchar(100),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE team_members (
  id bigserial PRIMARY KEY,
  organization_id bigint NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  name varchar(200) NOT NULL,
  email varchar(255) NOT NULL,
  role varchar(50) NOT NULL DEFAULT 'member',
  invite_token uuid NOT NULL DEFAULT gen_random_uuid(),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (organization_id, email)
);

INSERT INTO organizations (name, email, plan) VALUES ('Analytical Engines Ltd', 'billing@engines.example', 'free'),
  ('Difference Works', 'accounts@difference.example', 'pro');
INSERT INTO team_members (organization_id, name, email, role) VALUES (1, 'Ada Lovelace', 'ada@engines.example', 'owner'),
  (2, 'Charles Babbage', 'charles@difference.example', 'owner');
