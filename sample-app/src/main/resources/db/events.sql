-- Seed example 5, the event platform: events with a capacity, and registrations.
CREATE TABLE events (
  id bigserial PRIMARY KEY,
  title varchar(200) NOT NULL,
  start_date timestamptz NOT NULL,
  max_attendees integer NOT NULL CHECK (max_attendees > 0),
  current_attendees integer NOT NULL DEFAULT 0
);

CREATE TABLE registrations (
  id bigserial PRIMARY KEY,
  event_id bigint NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  name varchar(200) NOT NULL,
  email varchar(255) NOT NULL,
  registered_at timestamptz NOT NULL DEFAULT now()
);

INSERT INTO events (title, start_date, max_attendees, current_attendees) VALUES
  ('Spring meetup', '2027-03-04T18:00:00Z', 50, 1),
  ('Tiny workshop', '2027-04-01T09:00:00Z', 2, 1);
INSERT INTO registrations (event_id, name, email) VALUES (1, 'Grace Hopper', 'grace@example.com'),
  (2, 'Alan Turing', 'alan@example.com');
