// The floor under the county-wide sessions listing (BENCHMARKS.md): the rows of the JSON report's
// `sessions` table, read from the same read models with the same query and written in the same
// pretty-printed form, by C with nothing in between: no typed values, no sort by date, no report
// model, no other table. What Tuki does beyond this is what its own code costs.
//
//   cc -O2 -o listing-floor listing-floor.c -lsqlite3
//   listing-floor ledger.readmodels.sqlite > sessions.json
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char out[1 << 16];
static size_t used;

static void flush(void) {
    for (size_t done = 0; done < used;) {
        ssize_t written = write(1, out + done, used - done);
        if (written <= 0) exit(4);
        done += (size_t)written;
    }
    used = 0;
}

static void put(const char *bytes, size_t count) {
    if (used + count > sizeof out) flush();
    memcpy(out + used, bytes, count);
    used += count;
}

static void text(const unsigned char *bytes, int count) {
    if (used + (size_t)count * 6 + 2 > sizeof out) flush();
    out[used++] = '"';
    for (int i = 0; i < count; i++) {
        unsigned char byte = bytes[i];
        if (byte == '"' || byte == '\\' || byte < 0x20) {
            static const char hex[] = "0123456789abcdef";
            memcpy(out + used, "\\u00", 4);
            out[used + 4] = hex[byte >> 4];
            out[used + 5] = hex[byte & 15];
            used += 6;
        } else {
            out[used++] = (char)byte;
        }
    }
    out[used++] = '"';
}

static void integer(long long value) {
    char digits[24];
    int start = sizeof digits;
    unsigned long long magnitude = value < 0 ? -(unsigned long long)value : (unsigned long long)value;
    do { digits[--start] = (char)('0' + magnitude % 10); magnitude /= 10; } while (magnitude);
    if (value < 0) digits[--start] = '-';
    put(digits + start, sizeof digits - start);
}

static void column(sqlite3_stmt *statement, int index) {
    sqlite3_value *value = sqlite3_column_value(statement, index);
    switch (sqlite3_value_type(value)) {
    case SQLITE_INTEGER: integer(sqlite3_value_int64(value)); break;
    case SQLITE_NULL: put("null", 4); break;
    default: text(sqlite3_value_blob(value), sqlite3_value_bytes(value));
    }
}

int main(int argc, char **argv) {
    sqlite3 *db;
    sqlite3_stmt *select;
    if (argc != 2 || sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, 0) != SQLITE_OK) return 1;
    if (sqlite3_prepare_v2(db, "SELECT activity, session, status, date, duration_minutes, format, headcount, present, absent, excused "
                               "FROM sessions_session ORDER BY activity, session", -1, &select, 0) != SQLITE_OK) return 1;
    // The report's columns, in its order, as indices into the SELECT; held sessions only show counts.
    static const char *keys[] = {"activity", "session", "date", "status", "minutes", "format",
                                 "present", "absent", "excused", "headcount", "attendance_rate"};
    static const int source[] = {0, 1, 3, 2, 4, 5, 7, 8, 9, 6, -1};
    char prefixes[11][48];
    size_t prefixLengths[11];
    for (int c = 0; c < 11; c++) {
        char *end = stpcpy(stpcpy(stpcpy(prefixes[c], c ? ",\n        \"" : "{\n        \""), keys[c]), "\": ");
        prefixLengths[c] = (size_t)(end - prefixes[c]);
    }
    put("{\n  \"tables\": {\n    \"sessions\": [\n", 34);
    int first = 1;
    while (sqlite3_step(select) == SQLITE_ROW) {
        put(first ? "      " : ",\n      ", first ? 6 : 8);
        first = 0;
        const unsigned char *status = sqlite3_column_text(select, 2);
        int held = status && strcmp((const char *)status, "held") == 0;
        for (int c = 0; c < 11; c++) {
            put(prefixes[c], prefixLengths[c]);
            if (c >= 6 && c <= 8 && !held) { put("null", 4); continue; }
            if (source[c] >= 0) { column(select, source[c]); continue; }
            long long present = sqlite3_column_int64(select, 7);
            long long total = present + sqlite3_column_int64(select, 8) + sqlite3_column_int64(select, 9);
            if (!held || total == 0) { put("null", 4); continue; }
            long long hundredths = (2 * present * 10000 + total) / (2 * total);
            integer(hundredths / 100);
            put(hundredths % 100 < 10 ? ".0" : ".", hundredths % 100 < 10 ? 2 : 1);
            integer(hundredths % 100);
        }
        put("\n      }", 8);
    }
    put("\n    ]\n  }\n}\n", 13);
    flush();
    sqlite3_finalize(select);
    sqlite3_close(db);
    return 0;
}
