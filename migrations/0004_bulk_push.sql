-- A push of a million events. Most of its time went to the summaries
-- (several million counts per million events, each written with INSERT …
-- ON CONFLICT in hash order, so that most writes landed on another page of
-- tables larger than the server's buffers) and to a PL/pgSQL call per row
-- for its stamps. Now each summary's changes are summed per key and netted
-- (an update that keeps an event's cells, day, kind and category moves no
-- count); a statement of many rows writes them in bulk, in key order; a
-- row that arrives stamped as the server would stamp it skips the stamping
-- call; the notices read the ids only when they send them. Counts that
-- fall to zero are now deleted, as the earlier schemas meant to. The
-- history and the notices are the same as before.

-- The time an event's dates cover: [first moment, one past the last).
CREATE FUNCTION border_incidents.during_of(start_text text, end_text text) RETURNS tsrange
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT tsrange(start_text::timestamp,
        CASE WHEN length(end_text) <= 10 THEN end_text::date + 1
             ELSE end_text::timestamp + interval '1 second' END, '[)')
$$;

-- The stamping call runs for every update, and for an insert only when the
-- row is not already stamped as it would stamp it: its range and first day
-- from its dates, version 1, this session's role and this transaction's
-- time. A push sends its rows so; whatever a client sends otherwise is
-- stamped over, as before.
DROP TRIGGER events_stamp ON border_incidents.events;
CREATE TRIGGER events_stamp BEFORE UPDATE ON border_incidents.events
    FOR EACH ROW EXECUTE FUNCTION border_incidents.stamp_event();
CREATE TRIGGER events_stamp_insert BEFORE INSERT ON border_incidents.events
    FOR EACH ROW WHEN (
        NEW.during IS DISTINCT FROM border_incidents.during_of(NEW.start_text, NEW.end_text)
        OR NEW.start_day IS DISTINCT FROM lower(NEW.during)::date
        OR NEW.version IS DISTINCT FROM 1
        OR NEW.created_by IS DISTINCT FROM session_user
        OR NEW.created_at IS DISTINCT FROM now()
        OR NEW.updated_by IS DISTINCT FROM session_user
        OR NEW.updated_at IS DISTINCT FROM now())
    EXECUTE FUNCTION border_incidents.stamp_event();

-- A push sends each row's first day along with its range (the insert
-- trigger checks both).
GRANT INSERT (start_day) ON border_incidents.events TO border_incidents_coder;

-- The counted rows with their weights: -1 for each of `gone`, +1 for each
-- of `came`.
CREATE FUNCTION border_incidents.weighted(
    gone border_incidents.counted[], came border_incidents.counted[])
RETURNS TABLE (geom geometry, start_day date, kind text, category text, w integer)
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT r.geom, r.start_day, r.kind, coalesce(r.category, ''), -1 FROM unnest(gone) AS r
    UNION ALL
    SELECT r.geom, r.start_day, r.kind, coalesce(r.category, ''), 1 FROM unnest(came) AS r
$$;

-- What each summary's counts change by, per key, in the order of its
-- primary key; keys whose changes net to nothing are left out.
CREATE FUNCTION border_incidents.month_changes(
    gone border_incidents.counted[], came border_incidents.counted[])
RETURNS TABLE (level smallint, month date, cx integer, cy integer, kind text, category text,
               n integer)
LANGUAGE sql STABLE AS $$
    SELECT l::smallint, date_trunc('month', r.start_day)::date, border_incidents.cell_x(l, r.geom),
           border_incidents.cell_y(l, r.geom), r.kind, r.category, sum(r.w)::integer
    FROM border_incidents.weighted(gone, came) AS r, unnest(border_incidents.month_levels()) AS l
    GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(r.w) <> 0 ORDER BY 1, 2, 3, 4, 5, 6
$$;

CREATE FUNCTION border_incidents.year_changes(
    gone border_incidents.counted[], came border_incidents.counted[])
RETURNS TABLE (level smallint, cx integer, cy integer, year date, kind text, category text,
               n integer)
LANGUAGE sql STABLE AS $$
    SELECT l::smallint, border_incidents.cell_x(l, r.geom), border_incidents.cell_y(l, r.geom),
           date_trunc('year', r.start_day)::date, r.kind, r.category, sum(r.w)::integer
    FROM border_incidents.weighted(gone, came) AS r, unnest(border_incidents.month_levels()) AS l
    GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(r.w) <> 0 ORDER BY 1, 2, 3, 4, 5, 6
$$;

CREATE FUNCTION border_incidents.cell_day_changes(
    gone border_incidents.counted[], came border_incidents.counted[])
RETURNS TABLE (level smallint, day date, cx integer, cy integer, kind text, category text,
               n integer)
LANGUAGE sql STABLE AS $$
    SELECT l::smallint, r.start_day, border_incidents.cell_x(l, r.geom),
           border_incidents.cell_y(l, r.geom), r.kind, r.category, sum(r.w)::integer
    FROM border_incidents.weighted(gone, came) AS r, unnest(border_incidents.day_levels()) AS l
    GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(r.w) <> 0 ORDER BY 1, 2, 3, 4, 5, 6
$$;

CREATE FUNCTION border_incidents.day_changes(
    gone border_incidents.counted[], came border_incidents.counted[])
RETURNS TABLE (day date, kind text, category text, n integer)
LANGUAGE sql STABLE AS $$
    SELECT r.start_day, r.kind, r.category, sum(r.w)::integer
    FROM border_incidents.weighted(gone, came) AS r
    GROUP BY 1, 2, 3 HAVING sum(r.w) <> 0 ORDER BY 1, 2, 3
$$;

-- How many rows a statement must change for its counts to be written in
-- bulk (below, each count is written as an edit's is).
CREATE FUNCTION border_incidents.bulk_rows() RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT 1000 $$;

-- A few rows' changes of the counts, each key written with INSERT … ON
-- CONFLICT, so that other coders' edits of the same cells go on alongside;
-- then the counts that fell to zero are deleted (by a statement of their
-- own: a statement cannot delete a row it has itself updated).
CREATE FUNCTION border_incidents.count_few(
    gone border_incidents.counted[], came border_incidents.counted[])
RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    INSERT INTO border_incidents.cell_months AS s (level, month, cx, cy, kind, category, n)
    SELECT * FROM border_incidents.month_changes(gone, came)
    ON CONFLICT (level, month, cx, cy, kind, category) DO UPDATE SET n = s.n + EXCLUDED.n;
    DELETE FROM border_incidents.cell_months AS s USING border_incidents.month_changes(gone, came) AS d
    WHERE s.n = 0 AND (s.level, s.month, s.cx, s.cy, s.kind, s.category)
        = (d.level, d.month, d.cx, d.cy, d.kind, d.category);
    INSERT INTO border_incidents.cell_years AS s (level, cx, cy, year, kind, category, n)
    SELECT * FROM border_incidents.year_changes(gone, came)
    ON CONFLICT (level, cx, cy, year, kind, category) DO UPDATE SET n = s.n + EXCLUDED.n;
    DELETE FROM border_incidents.cell_years AS s USING border_incidents.year_changes(gone, came) AS d
    WHERE s.n = 0 AND (s.level, s.cx, s.cy, s.year, s.kind, s.category)
        = (d.level, d.cx, d.cy, d.year, d.kind, d.category);
    INSERT INTO border_incidents.cell_days AS s (level, day, cx, cy, kind, category, n)
    SELECT * FROM border_incidents.cell_day_changes(gone, came)
    ON CONFLICT (level, day, cx, cy, kind, category) DO UPDATE SET n = s.n + EXCLUDED.n;
    DELETE FROM border_incidents.cell_days AS s USING border_incidents.cell_day_changes(gone, came) AS d
    WHERE s.n = 0 AND (s.level, s.day, s.cx, s.cy, s.kind, s.category)
        = (d.level, d.day, d.cx, d.cy, d.kind, d.category);
    INSERT INTO border_incidents.event_days AS s (day, kind, category, n)
    SELECT * FROM border_incidents.day_changes(gone, came)
    ON CONFLICT (day, kind, category) DO UPDATE SET n = s.n + EXCLUDED.n;
    DELETE FROM border_incidents.event_days AS s USING border_incidents.day_changes(gone, came) AS d
    WHERE s.n = 0 AND (s.day, s.kind, s.category) = (d.day, d.kind, d.category);
$$;

-- Takes one from the counts of every row of `gone` and adds one for every
-- row of `came`, in every summary, and drops the counts that fall to zero.
-- A few rows (an edit) are written each with INSERT … ON CONFLICT, beside
-- other coders' edits. Many (a push) are written in bulk, with the
-- summaries locked against other writers until the transaction ends (they
-- stay readable): the counts that fall to zero deleted, the others that
-- exist updated, the new ones inserted in key order, each as one join.
CREATE FUNCTION border_incidents.count_changes(
    gone border_incidents.counted[], came border_incidents.counted[])
RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public SET work_mem = '256MB'
AS $$
BEGIN
    IF coalesce(cardinality(gone), 0) + coalesce(cardinality(came), 0)
            < border_incidents.bulk_rows() THEN
        PERFORM border_incidents.count_few(gone, came);
        RETURN;
    END IF;
    LOCK TABLE border_incidents.cell_months, border_incidents.cell_years,
        border_incidents.cell_days, border_incidents.event_days IN SHARE ROW EXCLUSIVE MODE;
    WITH d AS MATERIALIZED (SELECT * FROM border_incidents.month_changes(gone, came)),
    emptied AS (
        DELETE FROM border_incidents.cell_months AS s USING d
        WHERE (s.level, s.month, s.cx, s.cy, s.kind, s.category)
            = (d.level, d.month, d.cx, d.cy, d.kind, d.category) AND s.n + d.n = 0),
    kept AS (
        UPDATE border_incidents.cell_months AS s SET n = s.n + d.n FROM d
        WHERE (s.level, s.month, s.cx, s.cy, s.kind, s.category)
            = (d.level, d.month, d.cx, d.cy, d.kind, d.category) AND s.n + d.n <> 0)
    INSERT INTO border_incidents.cell_months (level, month, cx, cy, kind, category, n)
    SELECT * FROM d WHERE NOT EXISTS (
        SELECT FROM border_incidents.cell_months AS s
        WHERE (s.level, s.month, s.cx, s.cy, s.kind, s.category)
            = (d.level, d.month, d.cx, d.cy, d.kind, d.category))
    ORDER BY 1, 2, 3, 4, 5, 6;
    WITH d AS MATERIALIZED (SELECT * FROM border_incidents.year_changes(gone, came)),
    emptied AS (
        DELETE FROM border_incidents.cell_years AS s USING d
        WHERE (s.level, s.cx, s.cy, s.year, s.kind, s.category)
            = (d.level, d.cx, d.cy, d.year, d.kind, d.category) AND s.n + d.n = 0),
    kept AS (
        UPDATE border_incidents.cell_years AS s SET n = s.n + d.n FROM d
        WHERE (s.level, s.cx, s.cy, s.year, s.kind, s.category)
            = (d.level, d.cx, d.cy, d.year, d.kind, d.category) AND s.n + d.n <> 0)
    INSERT INTO border_incidents.cell_years (level, cx, cy, year, kind, category, n)
    SELECT * FROM d WHERE NOT EXISTS (
        SELECT FROM border_incidents.cell_years AS s
        WHERE (s.level, s.cx, s.cy, s.year, s.kind, s.category)
            = (d.level, d.cx, d.cy, d.year, d.kind, d.category))
    ORDER BY 1, 2, 3, 4, 5, 6;
    WITH d AS MATERIALIZED (SELECT * FROM border_incidents.cell_day_changes(gone, came)),
    emptied AS (
        DELETE FROM border_incidents.cell_days AS s USING d
        WHERE (s.level, s.day, s.cx, s.cy, s.kind, s.category)
            = (d.level, d.day, d.cx, d.cy, d.kind, d.category) AND s.n + d.n = 0),
    kept AS (
        UPDATE border_incidents.cell_days AS s SET n = s.n + d.n FROM d
        WHERE (s.level, s.day, s.cx, s.cy, s.kind, s.category)
            = (d.level, d.day, d.cx, d.cy, d.kind, d.category) AND s.n + d.n <> 0)
    INSERT INTO border_incidents.cell_days (level, day, cx, cy, kind, category, n)
    SELECT * FROM d WHERE NOT EXISTS (
        SELECT FROM border_incidents.cell_days AS s
        WHERE (s.level, s.day, s.cx, s.cy, s.kind, s.category)
            = (d.level, d.day, d.cx, d.cy, d.kind, d.category))
    ORDER BY 1, 2, 3, 4, 5, 6;
    WITH d AS MATERIALIZED (SELECT * FROM border_incidents.day_changes(gone, came)),
    emptied AS (
        DELETE FROM border_incidents.event_days AS s USING d
        WHERE (s.day, s.kind, s.category) = (d.day, d.kind, d.category) AND s.n + d.n = 0),
    kept AS (
        UPDATE border_incidents.event_days AS s SET n = s.n + d.n FROM d
        WHERE (s.day, s.kind, s.category) = (d.day, d.kind, d.category) AND s.n + d.n <> 0)
    INSERT INTO border_incidents.event_days (day, kind, category, n)
    SELECT * FROM d WHERE NOT EXISTS (
        SELECT FROM border_incidents.event_days AS s
        WHERE (s.day, s.kind, s.category) = (d.day, d.kind, d.category))
    ORDER BY 1, 2, 3;
END
$$;

-- Counts left at zero by the earlier schemas' triggers (their statement
-- that added a change could not also delete the count it had brought to
-- zero) are dropped.
DELETE FROM border_incidents.cell_months WHERE n = 0;
DELETE FROM border_incidents.cell_years WHERE n = 0;
DELETE FROM border_incidents.cell_days WHERE n = 0;
DELETE FROM border_incidents.event_days WHERE n = 0;

-- Adds `delta` (+1 or -1) for each of `rows` to every summary.
CREATE OR REPLACE FUNCTION border_incidents.count_events(rows border_incidents.counted[], delta integer)
RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT border_incidents.count_changes(
        CASE WHEN delta < 0 THEN rows ELSE '{}' END, CASE WHEN delta > 0 THEN rows ELSE '{}' END)
$$;

-- The one notice for a statement that changed more than a hundred events:
-- what it did and to how many (the app then asks again for what it shows).
CREATE FUNCTION border_incidents.notify_count(op text, changed bigint) RETURNS void
LANGUAGE sql AS $$
    SELECT pg_notify('border_incidents', jsonb_build_object(
        'table', 'events', 'op', op, 'count', changed)::text)
$$;

-- After an insert: a history row per event (the row itself is what was
-- inserted until its first change, whose "old" values the history keeps),
-- the counts, the notices.
CREATE OR REPLACE FUNCTION border_incidents.events_inserted() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    rows bigint := (SELECT count(*) FROM new_rows);
    edit uuid := border_incidents.edit_of(rows);
BEGIN
    IF rows = 0 THEN
        RETURN NULL;
    END IF;
    INSERT INTO border_incidents.history
        (table_name, row_id, op, version, changed_by, edit_id, changes)
    SELECT 'events', n.id, 'insert', n.version, session_user, edit, '{}'::jsonb
    FROM new_rows AS n;
    PERFORM border_incidents.count_changes('{}', ARRAY(
        SELECT ROW(n.geom, n.start_day, n.kind, n.category)::border_incidents.counted
        FROM new_rows AS n));
    IF rows <= 100 THEN
        PERFORM border_incidents.notify_rows('insert',
            ARRAY(SELECT n.id FROM new_rows AS n ORDER BY n.id),
            ARRAY(SELECT n.version FROM new_rows AS n ORDER BY n.id));
    ELSE
        PERFORM border_incidents.notify_count('insert', rows);
    END IF;
    RETURN NULL;
END
$$;

-- After an update: a history row per event changed, with each property's
-- old and new value; the counts moved (an event that stays in its cells
-- moves none); the notices.
CREATE OR REPLACE FUNCTION border_incidents.events_updated() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    rows bigint := (SELECT count(*) FROM new_rows);
    edit uuid := border_incidents.edit_of(rows);
BEGIN
    IF rows = 0 THEN
        RETURN NULL;
    END IF;
    INSERT INTO border_incidents.history
        (table_name, row_id, op, version, changed_by, edit_id, changes)
    SELECT 'events', n.id, 'update', n.version, session_user, edit,
           border_incidents.feature_changes(border_incidents.feature_of(o)::jsonb,
                                            border_incidents.feature_of(n)::jsonb)
    FROM new_rows AS n JOIN old_rows AS o ON o.id = n.id;
    PERFORM border_incidents.count_changes(
        ARRAY(SELECT ROW(o.geom, o.start_day, o.kind, o.category)::border_incidents.counted
              FROM old_rows AS o),
        ARRAY(SELECT ROW(n.geom, n.start_day, n.kind, n.category)::border_incidents.counted
              FROM new_rows AS n));
    IF rows <= 100 THEN
        PERFORM border_incidents.notify_rows('update',
            ARRAY(SELECT n.id FROM new_rows AS n ORDER BY n.id),
            ARRAY(SELECT n.version FROM new_rows AS n ORDER BY n.id));
    ELSE
        PERFORM border_incidents.notify_count('update', rows);
    END IF;
    RETURN NULL;
END
$$;

-- After a delete: the whole event kept in the history, the counts taken
-- away, the notices.
CREATE OR REPLACE FUNCTION border_incidents.events_deleted() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    rows bigint := (SELECT count(*) FROM old_rows);
    edit uuid := border_incidents.edit_of(rows);
BEGIN
    IF rows = 0 THEN
        RETURN NULL;
    END IF;
    INSERT INTO border_incidents.history
        (table_name, row_id, op, version, changed_by, edit_id, changes)
    SELECT 'events', o.id, 'delete', o.version, session_user, edit,
           jsonb_build_object('old', border_incidents.feature_of(o)::jsonb)
    FROM old_rows AS o;
    PERFORM border_incidents.count_changes(ARRAY(
        SELECT ROW(o.geom, o.start_day, o.kind, o.category)::border_incidents.counted
        FROM old_rows AS o), '{}');
    IF rows <= 100 THEN
        PERFORM border_incidents.notify_rows('delete',
            ARRAY(SELECT o.id FROM old_rows AS o ORDER BY o.id),
            ARRAY(SELECT o.version FROM old_rows AS o ORDER BY o.id));
    ELSE
        PERFORM border_incidents.notify_count('delete', rows);
    END IF;
    RETURN NULL;
END
$$;
