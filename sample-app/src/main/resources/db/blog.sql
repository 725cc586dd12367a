-- Seed example 1, the blog: users (with their settings), posts and comments, with a few rows.
CREATE TYPE post_status AS ENUM ('draft', 'published', 'archived');

CREATE TABLE users (
  id bigserial PRIMARY KEY,
  first_name varchar(100) NOT NULL,
  last_name varchar(100) NOT NULL,
  email varchar(255) NOT NULL UNIQUE,
  password varchar(255),
  created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE users IS 'Blog authors';
COMMENT ON COLUMN users.email IS 'Login e-mail address';

CREATE TABLE posts (
  id bigserial PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES users(id),
  title varchar(200) NOT NULL,
  slug varchar(220),
  content text NOT NULL DEFAULT '',
  status post_status NOT NULL DEFAULT 'draft',
  views integer NOT NULL DEFAULT 0,
  metadata jsonb,
  tags text[],
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz
);
COMMENT ON TABLE posts IS 'Blog posts';

CREATE TABLE comments (
  id bigserial PRIMARY KEY,
  post_id bigint NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
  author_name varchar(100) NOT NULL,
  text text NOT NULL,
  status varchar(20) NOT NULL DEFAULT 'approved',
  created_at timestamptz NOT NULL DEFAULT now()
);

-- An author's settings, one row per setting: a composite primary key, addressed as /api/user_settings/1,theme.
CREATE TABLE user_settings (
  user_id bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  name varchar(50) NOT NULL,
  value varchar(200) NOT NULL,
  PRIMARY KEY (user_id, name)
);

CREATE VIEW published_posts AS
  SELECT p.id, p.title, p.slug, u.first_name || ' ' || u.last_name AS author, p.created_at
  FROM posts p JOIN users u ON u.id = p.user_id
  WHERE p.status = 'published';

INSERT INTO users (first_name, last_name, email) VALUES
  ('Ada', 'Lovelace', 'ada@example.com'),
  ('Alan', 'Turing', 'alan@example.com'),
  ('Grace', 'Hopper', 'grace@example.com');

INSERT INTO posts (user_id, title, slug, content, status, views, metadata, tags) VALUES
  (1, 'Hello, world', 'hello-world', 'The first post of this blog.', 'published', 120, '{"featured": true}', '{intro,meta}'),
  (2, 'On computable numbers', 'on-computable-numbers', 'A number is computable if...', 'published', 300, '{"featured": false}', '{math}'),
  (3, 'Hello again: compilers', 'hello-again-compilers', 'Why we need compilers.', 'published', 75, NULL, '{compilers}'),
  (1, 'Notes on the Analytical Engine', 'notes-on-the-analytical-engine', 'Draft notes.', 'draft', 0, NULL, NULL),
  (3, 'Debugging, literally', 'debugging-literally', 'There was a moth.', 'archived', 42, '{"featured": true}', '{history}');

INSERT INTO comments (post_id, author_name, text) VALUES
  (1, 'Alan', 'Welcome!'),
  (1, 'Grace', 'Great start.'),
  (2, 'Ada', 'Fascinating.');

-- Two comments held for moderation (the comments customizer holds those that look like spam).
INSERT INTO comments (post_id, author_name, text, status) VALUES
  (3, 'Eve', 'Win the lottery: click here!', 'pending'),
  (1, 'Mallory', 'Best casino bonus in town.', 'pending');

INSERT INTO user_settings (user_id, name, value) VALUES
  (1, 'theme', 'dark'),
  (1, 'newsletter', 'weekly'),
  (2, 'theme', 'light');
