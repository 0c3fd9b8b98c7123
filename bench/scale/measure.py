#!/usr/bin/env python3
"""Measures the running application on the scale database (started by bench/scale.sh) and prints Markdown.

Pages and APIs are timed in alternating rounds against GET /api/v1/me in the same JVM (ratio to the bare
endpoint). The SQL that each page sends is then captured from PostgreSQL's log (log_min_duration_statement on
this database only, for one request per page), its read statements replayed in psql with their parameters,
alternating with the page again (ratio of the page to its own SQL). Standard library only.

Environment (set by bench/scale.sh): BENCH_DB, BENCH_PG, BENCH_PORT, BENCH_N, BENCH_ROUNDS, BENCH_PASSWORD,
BENCH_GEN_S, BENCH_COLD_MS; BENCH_PG_LOG (default /var/log/postgresql/postgresql-15-main.log).
"""
import base64
import datetime
import http.client
import json
import os
import re
import shlex
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse

DB = os.environ["BENCH_DB"]
PG = shlex.split(os.environ.get("BENCH_PG", "-h 127.0.0.1 -U postgres"))
PORT = int(os.environ.get("BENCH_PORT", "18090"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "5"))
PASSWORD = os.environ["BENCH_PASSWORD"]
PG_LOG = os.environ.get("BENCH_PG_LOG", "/var/log/postgresql/postgresql-15-main.log")
POSTS = int(os.environ.get("BENCH_POSTS", "992"))


def log(*args):
    print(*args, file=sys.stderr, flush=True)


def psql(sql, *extra):
    return subprocess.run(["psql", *PG, "-X", "-q", "-At", "-d", DB, *extra, "-c", sql], check=True,
                          capture_output=True, text=True).stdout.strip()


class Client:
    """One keep-alive connection with a session cookie or a bearer token."""

    def __init__(self, token=None):
        self.conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=900)
        self.cookies = {}
        self.token = token

    def request(self, method, path, body=None, headers=None):
        h = dict(headers or {})
        if self.cookies:
            h["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if self.token:
            h["Authorization"] = "Bearer " + self.token
        start = time.perf_counter()
        try:
            self.conn.request(method, path, body=body, headers=h)
            resp = self.conn.getresponse()
        except (http.client.HTTPException, ConnectionError):
            self.conn.close()
            self.conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=900)
            self.conn.request(method, path, body=body, headers=h)
            resp = self.conn.getresponse()
        data = resp.read()
        ms = (time.perf_counter() - start) * 1000
        for k, v in resp.getheaders():
            if k.lower() == "set-cookie":
                name, _, rest = v.partition("=")
                self.cookies[name] = rest.split(";")[0]
        return resp.status, data, ms, dict((k.lower(), v) for k, v in resp.getheaders())

    def get(self, path):
        return self.request("GET", path)

    def form(self, path, fields):
        return self.request("POST", path, urllib.parse.urlencode(fields),
                            {"Content-Type": "application/x-www-form-urlencoded"})

    def json(self, method, path, body=None):
        return self.request(method, path, None if body is None else json.dumps(body),
                            {"Content-Type": "application/json", "Accept": "application/json"})

    def csrf(self, path):
        status, body, _, _ = self.get(path)
        m = re.search(rb'name="_csrf"[^>]*value="([^"]+)"', body) or re.search(rb'value="([^"]+)"[^>]*name="_csrf"', body) \
            or re.search(rb'name="_csrf" content="([^"]+)"', body)
        if not m:
            raise SystemExit(f"no CSRF token on {path} ({status})")
        return m.group(1).decode()


def login(username):
    c = Client()
    status, _, _, headers = c.form("/login", {"username": username, "password": PASSWORD, "_csrf": c.csrf("/login")})
    if status != 302 or "error" in headers.get("location", ""):
        raise SystemExit(f"login of {username} failed: {status} {headers.get('location')}")
    return c


def token(username):
    c = Client()
    basic = base64.b64encode(f"{username}:{PASSWORD}".encode()).decode()
    status, body, _, _ = c.request("POST", "/api/v1/tokens", json.dumps({"name": "bench", "expiresInDays": 30}),
                                   {"Content-Type": "application/json", "Authorization": "Basic " + basic})
    if status not in (200, 201):
        raise SystemExit(f"token for {username}: {status} {body[:300]}")
    return Client(json.loads(body)["token"])


def pct(values, p):
    s = sorted(values)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))]


def fmt(ms):
    return f"{ms / 1000:.2f} s" if ms >= 1000 else (f"{ms:.0f} ms" if ms >= 10 else f"{ms:.1f} ms")


# ---------------------------------------------------------------------------------------------------- setup
UPTIME_BEFORE = subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
today = psql("select (now() at time zone 'Asia/Shanghai')::date")
year = int(today[:4])
township_id, county_id, township_name = psql(
    "select w.id, w.county_id, w.name from bench_township w where t = 1").split("|")
root_id = psql("select id from org_unit where parent_id is null")
log(f"setup: year {year}, township {township_name} ({township_id}), county {county_id}, root {root_id}")

admin, county, officer = login("admin"), login("bench_county"), login("bench_officer")
city, province = login("bench_city"), login("bench_province")
officer_api, admin_api = token("bench_officer"), token("admin")

# The county's indicator set for this year and the last (indicator sets belong to a county: the county
# ranks its townships by its own set), loaded if the start-up did not, and published by the county's reviewer
# through the sets page, as a county would (no demo data loads them).
for y in (year - 1, year):
    found = psql(f"select id from indicator_set where owner_unit_id = {county_id} and set_year = {y} limit 1")
    if not found:
        status, body, _, headers = county.form("/assessment/sets/default", {"year": y, "_csrf": county.csrf("/assessment/sets")})
        found = psql(f"select id from indicator_set where owner_unit_id = {county_id} and set_year = {y} limit 1")
        if not found:
            raise SystemExit(f"loading the default set of {y} failed: {status} {body[:300]}")
    if psql(f"select published from indicator_set where id = {found}") != "t":
        county.form(f"/assessment/sets/{found}/publish", {"published": "true", "_csrf": county.csrf(f"/assessment/sets/{found}")})
        if psql(f"select published from indicator_set where id = {found}") != "t":
            raise SystemExit(f"publishing set {found} failed")

# ... and every other county the same sets (bench/scale/sets.sql), so that the overviews score every township.
subprocess.run(["psql", *PG, "-X", "-q", "-d", DB, "-v", f"county={county_id}", "-f",
                os.path.join(os.path.dirname(__file__), "sets.sql")], check=True, capture_output=True)
log("published sets: " + psql("select count(*) from indicator_set where published"))

# The township's annual report of last year (the year with all twelve months of records); kept across runs.
report_id = psql(f"select max(id) from report where org_unit_id = {township_id}")
if not report_id:
    status, body, _, _ = officer_api.json("POST", "/api/v1/reports",
                                          {"kind": "RESPONSIBILITY", "year": year - 1, "townshipId": int(township_id)})
    if status not in (200, 201):
        raise SystemExit(f"creating the report failed: {status} {body[:300]}")
    report_id = json.loads(body)["report"]["id"]

# A cursor 20 pages (1,000 records) deep into the township's list.
cursor = None
for _ in range(20):
    status, body, _, _ = officer_api.get("/api/v1/ledger/records?size=50" + (f"&cursor={cursor}" if cursor else ""))
    nxt = json.loads(body).get("next")
    if not nxt:
        break
    cursor = urllib.parse.quote(nxt)

q = urllib.parse.quote("宣讲")
kind_year = f"kind=MEDIA_PLACEMENT&from={year - 1}-01-01&to={year - 1}-12-31"
# (label, client, method, path, samples per round)
CASES = [
    ("township officer: ledger list, first page", officer, "GET", "/ledger", 3),
    ("township officer: ledger list, cursor 1,000 records deep", officer, "GET", f"/ledger?cursor={cursor or ''}", 3),
    ("township officer: ledger text search", officer, "GET", f"/ledger?q={q}", 3),
    ("township officer: API records, first page", officer_api, "GET", "/api/v1/ledger/records", 3),
    ("county reviewer: ledger list", county, "GET", "/ledger", 2),
    ("county reviewer: ledger list, one kind and year", county, "GET", f"/ledger?{kind_year}", 2),
    ("county reviewer: ledger text search", county, "GET", f"/ledger?q={q}", 2),
    ("city reviewer: ledger list", city, "GET", "/ledger", 2),
    ("city reviewer: ledger list, one kind and year", city, "GET", f"/ledger?{kind_year}", 2),
    ("city reviewer: ledger text search", city, "GET", f"/ledger?q={q}", 1),
    ("root (province) admin: ledger list", admin, "GET", "/ledger", 1),
    ("root (province) admin: API records, first page", admin_api, "GET", "/api/v1/ledger/records", 1),
    ("root (province) admin: ledger list, one kind and year", admin, "GET", f"/ledger?{kind_year}", 1),
    ("township evaluation", officer, "GET", "/assessment/evaluation", 2),
    ("county dashboard", county, "GET", f"/assessment/county?year={year}", 1),
    ("city overview (its counties and their townships)", city, "GET", f"/assessment/overview?year={year}", 1),
    ("province overview (its cities)", province, "GET", f"/assessment/overview?year={year}", 1),
    ("report regenerate", officer_api, "POST", f"/api/v1/reports/{report_id}/regenerate", 2),
    ("report .docx", officer_api, "GET", f"/api/v1/reports/{report_id}/docx", 2),
]
BARE = (officer_api, "GET", "/api/v1/me")


def call(client, method, path):
    status, body, ms, _ = client.request(method, path) if method == "GET" else client.json(method, path)
    if status != 200:
        raise SystemExit(f"{method} {path}: {status} {body[:300]}")
    return ms


log("warm-up")
first_view = {}  # the first call of each case after the start (the province overview computes its snapshot then)
for label, client, method, path, _ in CASES:
    first_view[label] = call(client, method, path)
for _ in range(20):
    call(*BARE)

# ------------------------------------------------------------------------------------ pages against /me
times = {label: [] for label, *_ in CASES}
bare = {label: [] for label, *_ in CASES}
for r in range(ROUNDS):
    log(f"round {r + 1}/{ROUNDS}")
    for label, client, method, path, n in CASES:
        for _ in range(n):
            times[label].append(call(client, method, path))
            bare[label].append(call(*BARE))

# ------------------------------------------------------------------- record creation at concurrency 4
RUN = time.strftime("%Y%m%d%H%M%S")  # titles unique across runs: the ledger refuses a second record of the same day and title


def create_records(count, threads=4, bare_only=False):
    latencies, errors, lock = [], [], threading.Lock()
    per = count // threads

    def worker(i):
        c = Client(officer_api.token)
        for j in range(per):
            if bare_only:
                ms = call(c, "GET", "/api/v1/me")
            else:
                status, body, ms, _ = c.json("POST", "/api/v1/ledger/directive", {
                    "unitId": int(township_id), "occurredOn": today, "title": f"基准写入 {RUN}-{i}-{j}",
                    "fields": {"issuer": "县委宣传部"}})
                if status != 201:
                    with lock:
                        errors.append(f"{status} {body[:200]}")
            with lock:
                latencies.append(ms)

    start = time.perf_counter()
    ts = [threading.Thread(target=worker, args=(i,)) for i in range(threads)]
    [t.start() for t in ts]
    [t.join() for t in ts]
    return per * threads / (time.perf_counter() - start), latencies, errors


log("record creation")
bare_rate, _, _ = create_records(POSTS, bare_only=True)
post_rate, post_lat, post_errors = create_records(POSTS)
if post_errors:
    log("creation errors:", len(post_errors), post_errors[:3])

# ------------------------------------------------------------------- memory: 20 users browsing at once
# Twenty sessions (bench_user01..20: officers of 14 townships, reviewers of 3 counties, 2 cities and the
# province) walk their pages without pause for MEMORY_S seconds. The heap is read with jcmd while they do
# and after a full collection at the end (the live set); jstat counts the collections of the run.
MEMORY_S = int(os.environ.get("BENCH_MEMORY_SECONDS", "60"))
APP_PID = os.environ.get("BENCH_APP_PID")


def heap_used_mb():
    out = sh(f"jcmd {APP_PID} GC.heap_info")
    m = re.search(r"total (\d+)K, used (\d+)K", out)
    return int(m.group(2)) / 1024 if m else None


def gc_counts():
    """(young collections, full collections, seconds in GC) from jstat -gcutil."""
    lines = sh(f"jstat -gcutil {APP_PID}").splitlines()
    if len(lines) < 2:
        return None
    row = dict(zip(lines[0].split(), lines[1].split()))
    return int(row["YGC"]), int(row["FGC"]), float(row["GCT"])


def browse_together():
    users = []
    for i in range(1, 21):
        u = login(f"bench_user{i:02d}")
        pages = ["/", "/ledger", f"/ledger?q={q}", f"/ledger?{kind_year}", "/calendar", "/search?q=" + q]
        pages += ["/assessment/evaluation", "/report"] if i <= 14 else \
            [f"/assessment/county?year={year}" if i <= 17 else f"/assessment/overview?year={year}", "/report/inbox"]
        users.append((u, pages))
    results, errors, lock, stop = [], [], threading.Lock(), time.monotonic() + MEMORY_S

    def walk(user, pages):
        n = 0
        while time.monotonic() < stop:
            path = pages[n % len(pages)]
            n += 1
            try:
                status, body, ms, _ = user.get(path)
            except Exception as e:  # noqa: BLE001 -- a refused connection is a result here
                status, ms = repr(e), 0
            with lock:
                results.append(ms)
                if status != 200:
                    errors.append(f"{path}: {status}")

    before = gc_counts()
    peak, samples = 0, []
    ts = [threading.Thread(target=walk, args=u) for u in users]
    [t.start() for t in ts]
    while any(t.is_alive() for t in ts):
        used = heap_used_mb()
        if used is not None:
            peak = max(peak, used)
            samples.append(used)
        time.sleep(2)
    after = gc_counts()
    sh(f"jcmd {APP_PID} GC.run")
    live = heap_used_mb()
    return {"requests": len(results), "errors": errors, "median": statistics.median(results) if results else 0,
            "p95": pct(results, 95) if results else 0, "peak": peak, "live": live, "before": before, "after": after}


def sh(cmd):
    return subprocess.run(cmd, shell=True, capture_output=True, text=True).stdout.strip()


memory = None
if APP_PID and MEMORY_S > 0:
    log(f"20 users browsing for {MEMORY_S} s")
    memory = browse_together()
    if memory["errors"]:
        log("browsing errors:", len(memory["errors"]), memory["errors"][:5])

# ------------------------------------------------------------------------- aggregations against their SQL
# The server's log must be readable here (PostgreSQL on this machine, Debian's log file): else no SQL table.
CAN_CAPTURE = os.access(PG_LOG, os.R_OK)
SQL_CASES = [c for c in CASES if c[2] == "GET" or "regenerate" in c[3]] if CAN_CAPTURE else []
if not CAN_CAPTURE:
    log(f"cannot read {PG_LOG} (BENCH_PG_LOG): the pages are not compared with their SQL")
ENTRY = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+ \S+ \[(\d+)\] (\S*)@(\S*) (\w+):  (.*)$")


def log_entries(offset):
    """Entries of this database written to the server log after offset: (pid, level, text)."""
    entries = []
    with open(PG_LOG, encoding="utf-8", errors="replace") as f:
        f.seek(offset)
        current = None
        for line in f:
            m = ENTRY.match(line)
            if m:
                current = [m.group(1), m.group(4), m.group(5), m.group(3)]
                entries.append(current)
            elif current is not None:
                current[2] += "\n" + line.rstrip("\n")
    return [(pid, level, text) for pid, level, text, db in entries if db == DB]


def statements(entries, label):
    """The read statements of one marked request, with their parameters written in."""
    out, inside, pending = [], False, None
    for pid, level, text in entries:
        if "bench-mark:" in text:
            inside = f"bench-mark:start:{label}" in text
            continue
        if not inside:
            continue
        if level == "LOG":
            m = re.match(r"duration: [\d.]+ ms  (?:execute [^:]*|statement): (.*)", text, re.S)
            pending = [pid, m.group(1).strip()] if m else None
            if pending:
                out.append(pending)
        elif level == "DETAIL" and pending and text.startswith("parameters:") and pending[0] == pid:
            params = dict(re.findall(r"\$(\d+) = ('(?:[^']|'')*'|NULL)", text))
            pending[1] = re.sub(r"\$(\d+)\b", lambda mm: params.get(mm.group(1), mm.group(0)), pending[1])
    skip = re.compile(r"spring_session|audit_event|\baccount\b|access_token|password_history", re.I)
    return [sql for _, sql in out
            if re.match(r"(?is)\s*(select|with)\b", sql) and not skip.search(sql) and "bench-mark" not in sql]


def replay(sqls):
    """Runs the statements in one psql session; the sum of their times as psql's \\timing reports them."""
    script = "\\timing on\n" + "".join(s.rstrip().rstrip(";") + ";\n" for s in sqls)
    res = subprocess.run(["psql", *PG, "-X", "-q", "-d", DB, "-o", "/dev/null"], input=script, capture_output=True,
                         text=True)
    ms = sum(float(t) for t in re.findall(r"Time: ([\d.]+) ms", res.stdout + res.stderr))
    errors = len(re.findall(r"ERROR:", res.stderr))
    return ms, errors


def retry(client, method, path):
    """One call that may meet a connection the pool has not yet replaced after pg_terminate_backend."""
    for _ in range(3):
        try:
            return call(client, method, path)
        except SystemExit:
            time.sleep(1)


def capture():
    """The statements of one request of each page, from the server's log."""
    psql(f"alter database {DB} set log_min_duration_statement = 0")
    psql(f"select pg_terminate_backend(pid) from pg_stat_activity where datname = '{DB}' and pid <> pg_backend_pid()")
    time.sleep(1)
    offset = os.path.getsize(PG_LOG)
    for label, client, method, path, _ in SQL_CASES:
        retry(client, method, path)
        psql(f"select 'bench-mark:start:{label}'")
        call(client, method, path)
        psql(f"select 'bench-mark:end:{label}'")
    psql(f"alter database {DB} reset log_min_duration_statement")
    psql(f"select pg_terminate_backend(pid) from pg_stat_activity where datname = '{DB}' and pid <> pg_backend_pid()")
    time.sleep(1)
    entries = log_entries(offset)
    for label, client, method, path, _ in SQL_CASES:  # the pool reconnects, now without the log setting
        retry(client, method, path)
    return {label: statements(entries, label) for label, *_ in SQL_CASES}


log("capturing SQL")
captured = capture() if CAN_CAPTURE else {}
sql_times = {label: [] for label, *_ in SQL_CASES}
app_times = {label: [] for label, *_ in SQL_CASES}
sql_errors = {label: 0 for label, *_ in SQL_CASES}
for r in range(max(2, ROUNDS // 2) if CAN_CAPTURE else 0):
    log(f"SQL round {r + 1}")
    for label, client, method, path, _ in SQL_CASES:
        app_times[label].append(call(client, method, path))
        ms, err = replay(captured[label])
        sql_times[label].append(ms)
        sql_errors[label] = max(sql_errors[label], err)

# ------------------------------------------------------------------------------------------------- report
records = psql("select count(*) from ledger_record")
units = psql("select string_agg(kind || ' ' || n, ', ' order by kind) from (select kind, count(*) n from org_unit group by kind) k")
size = psql(f"select pg_size_pretty(pg_database_size('{DB}'))")
version = psql("show server_version")
gen = os.environ.get("BENCH_GEN_S") or "—"
now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
commit = sh("git rev-parse --short HEAD")
print(f"### {os.environ.get('BENCH_N')} M records — {now}, commit {commit}\n")
print(f"- Data: {int(records):,} ledger records ({units}); database {size}; PostgreSQL {version}.")
print(f"- Generation (schema by the application's migrations, data by SQL, indexes, analyze): "
      f"{gen if gen == '—' else gen + ' s'}{' (' + os.environ['BENCH_GEN_DETAIL'] + ')' if os.environ.get('BENCH_GEN_DETAIL') else ''}. Cold start on this database to GET /login 200: "
      f"{int(os.environ.get('BENCH_COLD_MS', '0')) / 1000:.1f} s as `java -jar`, "
      f"{int(os.environ.get('BENCH_COLD_CDS_MS', '0')) / 1000:.1f} s as docs/deployment.md starts it (extracted, class data archive).")
print(f"- Machine: {sh('nproc')} cores, shared; {ROUNDS} alternating rounds.")
print(f"- `uptime` before: {UPTIME_BEFORE}")
print(f"- `uptime` after: {sh('uptime')}\n")
print("| page or call | median | p95 | GET /api/v1/me median (same rounds) | ratio to /me |")
print("|---|---|---|---|---|")
for label, *_ in CASES:
    t, b = times[label], bare[label]
    print(f"| {label} | {fmt(statistics.median(t))} | {fmt(pct(t, 95))} | {fmt(statistics.median(b))} | "
          f"{statistics.median(t) / statistics.median(b):.0f}× |")
print(f"| record creation via the API, {POSTS} POSTs at concurrency 4 | {post_rate:.0f}/s "
      f"(latency median {fmt(statistics.median(post_lat))}, p95 {fmt(pct(post_lat, 95))}) | | "
      f"GET /api/v1/me at concurrency 4: {bare_rate:.0f}/s | {bare_rate / post_rate:.1f}× |"
      + (f" **{len(post_errors)} refused: not a valid figure**" if post_errors else ""))
print()
for label in [l for l, *_ in CASES if "overview" in l]:
    print(f"{label}: first view after the start {fmt(first_view[label])} (an overview of 100 or more townships is "
          "computed then and served from that snapshot, refreshed in the background every 10 minutes; the rows above "
          "are views of the snapshot).\n")
if memory:
    b, a = memory["before"], memory["after"]
    gcs = f"{a[0] - b[0]} young and {a[1] - b[1]} full collections, {a[2] - b[2]:.1f} s in GC" if a and b else "GC counts unread"
    print(f"Memory, heap 1 GB (-Xmx1g): 20 users (14 township officers, reviewers of 3 counties, 2 cities and the "
          f"province) browsing their pages without pause for {MEMORY_S} s: {memory['requests']:,} pages, "
          f"{len(memory['errors'])} not 200, latency median {fmt(memory['median'])}, p95 {fmt(memory['p95'])}; "
          f"heap used at most {memory['peak']:.0f} MB while browsing, live after a full collection "
          f"{memory['live']:.0f} MB; {gcs}.\n")
if SQL_CASES:
    # The last column takes away what every request costs before the page's own work (the session read from
    # PostgreSQL, the security filters, the audit): the bare endpoint's median of the same label's rounds.
    print("| page or call | page median | its SQL replayed in psql, median | statements | page / SQL "
          "| (page − bare /me) / SQL |")
    print("|---|---|---|---|---|---|")
for label, *_ in SQL_CASES:
    a, s = statistics.median(app_times[label]), statistics.median(sql_times[label])
    b = statistics.median(bare[label])
    note = f" ({sql_errors[label]} failed to replay)" if sql_errors[label] else ""
    print(f"| {label} | {fmt(a)} | {fmt(s)} | {len(captured[label])}{note} | {a / s:.1f}× | {max(a - b, 0) / s:.1f}× |"
          if s > 0 else f"| {label} | {fmt(a)} | — | {len(captured[label])}{note} | — | — |")
print()
print(f"Command: `bench/scale.sh {os.environ.get('BENCH_N')} {ROUNDS}`. Pages as their users (township officer of "
      f"{township_name}, county reviewer of its county, administrator at the root); ratios are of medians. "
      "The SQL column replays, for one request of each page, the read statements that PostgreSQL logged "
      "(session, audit and account statements left out), with their parameters, in one psql session.")
