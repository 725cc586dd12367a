-- The benchmark database of run.sh and security-overhead.sh: 1,000 authors and 100,000 posts, deterministic, with
-- the primary keys and an index on the foreign key (as any real schema has).
create table authors (id bigserial primary key, name text not null, email text not null);
create table posts (id bigserial primary key, author_id bigint not null references authors(id), title text not null,
  status text not null default 'draft', views int not null default 0, created_at timestamptz not null default now());
insert into authors (name, email) select 'author ' || i, 'a' || i || '@example.com' from generate_series(1, 1000) i;
insert into posts (author_id, title, status, views)
  select 1 + (i % 1000), 'Post number ' || i, (array['draft','published','archived'])[1 + i % 3], i % 1000
  from generate_series(1, 100000) i;
create index posts_author_id on posts (author_id);
