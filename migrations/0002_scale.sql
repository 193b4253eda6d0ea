-- Tens of millions of events. Counts per grid cell, kept by the server as
-- events change, answer a zoomed-out view from a few thousand summary rows
-- instead of every event; the history, the counts and the notices are
-- written once per statement (from its transition tables), so that a bulk
-- load of a million rows is a few set-based inserts, not a million trigger
-- calls.

-- The grid: at level L a cell is 360 / 2^L degrees on a side, counted from
-- 180°W and 90°S; an event without a point is in cell (-1, -1), which no
-- box holds (the time histogram counts it).
CREATE FUNCTION border_incidents.cell_x(level integer, geom geometry) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN geom IS NULL THEN -1
           ELSE least(floor((ST_X(geom) + 180.0) * (2 ^ level) / 360.0)::integer,
                      (2 ^ level)::integer - 1) END
$$;

CREATE FUNCTION border_incidents.cell_y(level integer, geom geometry) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN geom IS NULL THEN -1
           ELSE least(floor((ST_Y(geom) + 90.0) * (2 ^ level) / 360.0)::integer,
                      (2 ^ level)::integer - 1) END
$$;

-- The levels each summary is kept at: per month at every level a view may
-- be drawn at, per day at the coarser ones (short windows over a region).
CREATE FUNCTION border_incidents.month_levels() RETURNS integer[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT ARRAY[6, 8, 10, 12, 14] $$;

CREATE FUNCTION border_incidents.day_levels() RETURNS integer[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT ARRAY[6, 8, 10] $$;

-- The day an event starts: what the summaries count it under.
ALTER TABLE border_incidents.events ADD COLUMN start_day date;
UPDATE border_incidents.events SET start_day = lower(during)::date;
ALTER TABLE border_incidents.events ALTER COLUMN start_day SET NOT NULL;
CREATE INDEX events_start_day ON border_incidents.events (start_day);

CREATE OR REPLACE FUNCTION border_incidents.stamp_event() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.id <> OLD.id THEN
        RAISE EXCEPTION 'an event''s id cannot change (% to %)', OLD.id, NEW.id
            USING ERRCODE = '22023';
    END IF;
    NEW.during := tsrange(NEW.start_text::timestamp,
        CASE WHEN length(NEW.end_text) <= 10 THEN NEW.end_text::date + 1
             ELSE NEW.end_text::timestamp + interval '1 second' END, '[)');
    NEW.start_day := lower(NEW.during)::date;
    IF TG_OP = 'INSERT' THEN
        NEW.version := 1;
        NEW.created_by := session_user;
        NEW.created_at := now();
    ELSE
        NEW.version := OLD.version + 1;
        NEW.created_by := OLD.created_by;
        NEW.created_at := OLD.created_at;
    END IF;
    NEW.updated_by := session_user;
    NEW.updated_at := now();
    RETURN NEW;
END
$$;

CREATE TABLE border_incidents.cell_months (
    level smallint NOT NULL,
    cx integer NOT NULL,
    cy integer NOT NULL,
    month date NOT NULL,
    kind text NOT NULL,
    category text NOT NULL,
    n integer NOT NULL,
    PRIMARY KEY (level, month, cx, cy, kind, category)
);

CREATE TABLE border_incidents.cell_days (
    level smallint NOT NULL,
    cx integer NOT NULL,
    cy integer NOT NULL,
    day date NOT NULL,
    kind text NOT NULL,
    category text NOT NULL,
    n integer NOT NULL,
    PRIMARY KEY (level, day, cx, cy, kind, category)
);

-- What the summaries count of an event.
CREATE TYPE border_incidents.counted AS (
    geom geometry, start_day date, kind text, category text);

-- Adds `delta` (+1 or -1) for each of `rows` to both summaries, and drops
-- the counts that fall to zero.
CREATE FUNCTION border_incidents.count_events(rows border_incidents.counted[], delta integer)
RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    WITH m AS (
        INSERT INTO border_incidents.cell_months AS s (level, cx, cy, month, kind, category, n)
        SELECT l, border_incidents.cell_x(l, r.geom), border_incidents.cell_y(l, r.geom),
               date_trunc('month', r.start_day)::date, r.kind, coalesce(r.category, ''),
               delta * count(*)
        FROM unnest(rows) AS r, unnest(border_incidents.month_levels()) AS l
        GROUP BY 1, 2, 3, 4, 5, 6
        ON CONFLICT (level, month, cx, cy, kind, category) DO UPDATE SET n = s.n + EXCLUDED.n
        RETURNING level, month, cx, cy, kind, category, n)
    DELETE FROM border_incidents.cell_months AS s USING m
    WHERE m.n = 0 AND (s.level, s.month, s.cx, s.cy, s.kind, s.category)
        = (m.level, m.month, m.cx, m.cy, m.kind, m.category);
    WITH d AS (
        INSERT INTO border_incidents.cell_days AS s (level, cx, cy, day, kind, category, n)
        SELECT l, border_incidents.cell_x(l, r.geom), border_incidents.cell_y(l, r.geom),
               r.start_day, r.kind, coalesce(r.category, ''), delta * count(*)
        FROM unnest(rows) AS r, unnest(border_incidents.day_levels()) AS l
        GROUP BY 1, 2, 3, 4, 5, 6
        ON CONFLICT (level, day, cx, cy, kind, category) DO UPDATE SET n = s.n + EXCLUDED.n
        RETURNING level, day, cx, cy, kind, category, n)
    DELETE FROM border_incidents.cell_days AS s USING d
    WHERE d.n = 0 AND (s.level, s.day, s.cx, s.cy, s.kind, s.category)
        = (d.level, d.day, d.cx, d.cy, d.kind, d.category);
$$;

-- Tells listening apps what changed: each row's id and version when a
-- statement changed a few, else one notice with the count (the app then
-- asks again for what it shows).
CREATE FUNCTION border_incidents.notify_rows(op text, ids text[], versions integer[])
RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    IF cardinality(ids) <= 100 THEN
        FOR i IN 1 .. coalesce(cardinality(ids), 0) LOOP
            PERFORM pg_notify('border_incidents', jsonb_build_object(
                'table', 'events', 'id', ids[i], 'version', versions[i], 'op', op)::text);
        END LOOP;
    ELSE
        PERFORM pg_notify('border_incidents', jsonb_build_object(
            'table', 'events', 'op', op, 'count', cardinality(ids))::text);
    END IF;
END
$$;

-- The client's id of this edit, when the statement changes one row.
CREATE FUNCTION border_incidents.edit_of(rows bigint) RETURNS uuid
LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN rows = 1
           THEN nullif(current_setting('border_incidents.edit_id', true), '')::uuid END
$$;

-- After an insert: a history row per event (the row itself is what was
-- inserted until its first change, whose "old" values the history keeps),
-- the counts, the notices.
CREATE FUNCTION border_incidents.events_inserted() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    rows bigint := (SELECT count(*) FROM new_rows);
BEGIN
    INSERT INTO border_incidents.history
        (table_name, row_id, op, version, changed_by, edit_id, changes)
    SELECT 'events', n.id, 'insert', n.version, session_user,
           border_incidents.edit_of(rows), '{}'::jsonb
    FROM new_rows AS n;
    PERFORM border_incidents.count_events(ARRAY(
        SELECT ROW(n.geom, n.start_day, n.kind, n.category)::border_incidents.counted
        FROM new_rows AS n), 1);
    PERFORM border_incidents.notify_rows('insert',
        ARRAY(SELECT n.id FROM new_rows AS n ORDER BY n.id),
        ARRAY(SELECT n.version FROM new_rows AS n ORDER BY n.id));
    RETURN NULL;
END
$$;

-- After an update: a history row per event changed, with each property's
-- old and new value; the counts moved; the notices.
CREATE FUNCTION border_incidents.events_updated() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    rows bigint := (SELECT count(*) FROM new_rows);
BEGIN
    INSERT INTO border_incidents.history
        (table_name, row_id, op, version, changed_by, edit_id, changes)
    SELECT 'events', n.id, 'update', n.version, session_user,
           border_incidents.edit_of(rows),
           border_incidents.feature_changes(border_incidents.feature_of(o)::jsonb,
                                            border_incidents.feature_of(n)::jsonb)
    FROM new_rows AS n JOIN old_rows AS o ON o.id = n.id;
    PERFORM border_incidents.count_events(ARRAY(
        SELECT ROW(o.geom, o.start_day, o.kind, o.category)::border_incidents.counted
        FROM old_rows AS o), -1);
    PERFORM border_incidents.count_events(ARRAY(
        SELECT ROW(n.geom, n.start_day, n.kind, n.category)::border_incidents.counted
        FROM new_rows AS n), 1);
    PERFORM border_incidents.notify_rows('update',
        ARRAY(SELECT n.id FROM new_rows AS n ORDER BY n.id),
        ARRAY(SELECT n.version FROM new_rows AS n ORDER BY n.id));
    RETURN NULL;
END
$$;

-- After a delete: the whole event kept in the history, the counts taken
-- away, the notices.
CREATE FUNCTION border_incidents.events_deleted() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    rows bigint := (SELECT count(*) FROM old_rows);
BEGIN
    INSERT INTO border_incidents.history
        (table_name, row_id, op, version, changed_by, edit_id, changes)
    SELECT 'events', o.id, 'delete', o.version, session_user,
           border_incidents.edit_of(rows),
           jsonb_build_object('old', border_incidents.feature_of(o)::jsonb)
    FROM old_rows AS o;
    PERFORM border_incidents.count_events(ARRAY(
        SELECT ROW(o.geom, o.start_day, o.kind, o.category)::border_incidents.counted
        FROM old_rows AS o), -1);
    PERFORM border_incidents.notify_rows('delete',
        ARRAY(SELECT o.id FROM old_rows AS o ORDER BY o.id),
        ARRAY(SELECT o.version FROM old_rows AS o ORDER BY o.id));
    RETURN NULL;
END
$$;

DROP TRIGGER events_history ON border_incidents.events;
CREATE TRIGGER events_inserted AFTER INSERT ON border_incidents.events
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION border_incidents.events_inserted();
CREATE TRIGGER events_updated AFTER UPDATE ON border_incidents.events
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION border_incidents.events_updated();
CREATE TRIGGER events_deleted AFTER DELETE ON border_incidents.events
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION border_incidents.events_deleted();

-- The events already there, counted.
SELECT border_incidents.count_events(ARRAY(
    SELECT ROW(e.geom, e.start_day, e.kind, e.category)::border_incidents.counted
    FROM border_incidents.events AS e), 1);

GRANT SELECT ON border_incidents.cell_months, border_incidents.cell_days
    TO border_incidents_viewer;
