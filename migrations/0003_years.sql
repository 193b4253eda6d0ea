-- Views over many years and the time histogram. A view of all years summed
-- the monthly counts of every cell in its box, twelve rows a year for each
-- cell, kind and category; a yearly summary at the same levels makes that
-- one row a year. The time histogram summed the daily counts of every
-- coarse cell; a daily summary without cells makes it one row per day,
-- kind and category.

CREATE TABLE border_incidents.cell_years (
    level smallint NOT NULL,
    cx integer NOT NULL,
    cy integer NOT NULL,
    year date NOT NULL,
    kind text NOT NULL,
    category text NOT NULL,
    n integer NOT NULL,
    -- The count rides in the key's index: a view of many years reads the
    -- index alone (an index-only scan once the table is vacuumed), not a
    -- heap page per row.
    PRIMARY KEY (level, cx, cy, year, kind, category) INCLUDE (n)
);

CREATE TABLE border_incidents.event_days (
    day date NOT NULL,
    kind text NOT NULL,
    category text NOT NULL,
    n integer NOT NULL,
    PRIMARY KEY (day, kind, category)
);

-- The monthly summary read by cell first too: a box of a few hundred
-- cells is a few hundred short index ranges, not every cell of the level,
-- read from the index alone.
CREATE INDEX cell_months_cells ON border_incidents.cell_months (level, cx, cy, month)
    INCLUDE (kind, category, n);

INSERT INTO border_incidents.cell_years (level, cx, cy, year, kind, category, n)
SELECT level, cx, cy, date_trunc('year', month)::date, kind, category, sum(n)
FROM border_incidents.cell_months
GROUP BY 1, 2, 3, 4, 5, 6;

INSERT INTO border_incidents.event_days (day, kind, category, n)
SELECT day, kind, category, sum(n)
FROM border_incidents.cell_days
WHERE level = 6
GROUP BY 1, 2, 3;

-- Adds `delta` (+1 or -1) for each of `rows` to every summary, and drops
-- the counts that fall to zero.
CREATE OR REPLACE FUNCTION border_incidents.count_events(rows border_incidents.counted[], delta integer)
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
    WITH y AS (
        INSERT INTO border_incidents.cell_years AS s (level, cx, cy, year, kind, category, n)
        SELECT l, border_incidents.cell_x(l, r.geom), border_incidents.cell_y(l, r.geom),
               date_trunc('year', r.start_day)::date, r.kind, coalesce(r.category, ''),
               delta * count(*)
        FROM unnest(rows) AS r, unnest(border_incidents.month_levels()) AS l
        GROUP BY 1, 2, 3, 4, 5, 6
        ON CONFLICT (level, cx, cy, year, kind, category) DO UPDATE SET n = s.n + EXCLUDED.n
        RETURNING level, year, cx, cy, kind, category, n)
    DELETE FROM border_incidents.cell_years AS s USING y
    WHERE y.n = 0 AND (s.level, s.year, s.cx, s.cy, s.kind, s.category)
        = (y.level, y.year, y.cx, y.cy, y.kind, y.category);
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
    WITH e AS (
        INSERT INTO border_incidents.event_days AS s (day, kind, category, n)
        SELECT r.start_day, r.kind, coalesce(r.category, ''), delta * count(*)
        FROM unnest(rows) AS r
        GROUP BY 1, 2, 3
        ON CONFLICT (day, kind, category) DO UPDATE SET n = s.n + EXCLUDED.n
        RETURNING day, kind, category, n)
    DELETE FROM border_incidents.event_days AS s USING e
    WHERE e.n = 0 AND (s.day, s.kind, s.category) = (e.day, e.kind, e.category);
$$;

GRANT SELECT ON border_incidents.cell_years, border_incidents.event_days
    TO border_incidents_viewer;
