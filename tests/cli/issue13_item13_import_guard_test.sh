#!/usr/bin/env bash
# Issue 13, item 13: `reunite import` of what cannot be read (a directory, a missing or
# unreadable file, a FIFO, a device) exits 5 with the reason; a file over --max-bytes is
# refused before it is read; a NUL byte, a field over its length limit and a
# bidirectional control character in a name are errors at file:line:column. Each time,
# nothing is written: the people, their source rows and the journal stay as they were.
source "$(dirname "$0")/lib.sh"

header='record_id,given_names,surnames,sex,date_of_birth,country'
printf '%s\nICE-1,José,Xol Pop,M,1985-02-03,GT\n' "$header" > "$WORK/good.csv"
expect_exit 0 "$REUNITE" import --quiet --source ICE --kind adult --date-order iso "$WORK/good.csv"

# What the database holds, to compare after each refused import.
snapshot() {
  "$REUNITE" people --limit 100000 2>&1
  "$REUNITE" show 1 2>&1
  "$REUNITE" history 1 2>&1
  sqlite3 "$REUNITE_DB" 'SELECT count(*) FROM people; SELECT count(*) FROM source_rows; SELECT count(*) FROM source_records; SELECT count(*) FROM journal;'
}
before=$(snapshot | md5sum)
expect_nothing_written() {
  expect_eq "$(snapshot | md5sum)" "$before" "database after: $1"
}

# import_fails CODE FILE [OPTIONS...]: a new source, so a row that got through would be new.
import_fails() {
  local code="$1" file="$2"; shift 2
  expect_exit "$code" "$REUNITE" import --source NEW --kind adult --date-order iso "$@" "$file"
}

# Unreadable input: exit 5 and the reason, never "the file is empty".
mkdir "$WORK/lists.d"
import_fails 5 "$WORK/lists.d"
expect_contains "$WORK/err" "$WORK/lists.d: is a directory"
expect_nothing_written "a directory"

import_fails 5 "$WORK/missing.csv"
expect_contains "$WORK/err" "$WORK/missing.csv: no such file or directory"
expect_nothing_written "a missing file"

mkfifo "$WORK/pipe.csv"
# Refused at once, not waiting for a writer (timeout: a regression fails, not hangs).
expect_exit 5 timeout 20 "$REUNITE" import --source NEW --kind adult "$WORK/pipe.csv"
expect_contains "$WORK/err" "$WORK/pipe.csv: not a regular file"
expect_nothing_written "a FIFO"

import_fails 5 /dev/null   # a device that ends: a regression must not read /dev/zero forever
expect_contains "$WORK/err" "/dev/null: not a regular file"
expect_nothing_written "a device"

cp "$WORK/good.csv" "$WORK/secret.csv"
chmod 000 "$WORK/secret.csv"
if [ "$(id -u)" -ne 0 ]; then   # root reads it anyway
  import_fails 5 "$WORK/secret.csv"
  expect_contains "$WORK/err" "$WORK/secret.csv: permission denied"
  expect_nothing_written "a file without read permission"
elif command -v setpriv > /dev/null && setpriv --reuid=65534 --regid=65534 --clear-groups true 2> /dev/null; then
  chmod 755 "$WORK"; chmod 644 "$REUNITE_DB"
  expect_exit 5 setpriv --reuid=65534 --regid=65534 --clear-groups \
    "$REUNITE" --db "$REUNITE_DB" import --dry-run --source NEW --kind adult "$WORK/secret.csv"
  expect_contains "$WORK/err" "$WORK/secret.csv: permission denied"
  chmod 700 "$WORK"
fi

# Too large: refused before reading, with the size and the limit; --max-bytes moves it.
printf '%s\n' "$header" > "$WORK/large.csv"
for i in $(seq 1 40); do echo "ICE-L$i,Ana,Lopez,F,1990-01-01,GT"; done >> "$WORK/large.csv"
size=$(python3 -c "import os, sys; print(f'{os.path.getsize(sys.argv[1]):,}')" "$WORK/large.csv")
import_fails 1 "$WORK/large.csv" --max-bytes 1K
expect_contains "$WORK/err" "$WORK/large.csv: the file is $size bytes"
expect_contains "$WORK/err" "more than the 1,024 bytes (1 KiB) an import takes"
expect_contains "$WORK/err" "--max-bytes"
expect_nothing_written "a file over --max-bytes"
expect_exit 0 "$REUNITE" import --dry-run --source NEW --kind adult --date-order iso --max-bytes 1M "$WORK/large.csv"
# The default limit (128 MiB) on a sparse file of 200 MiB: refused unread, in no time.
truncate -s 200M "$WORK/sparse.csv"
import_fails 1 "$WORK/sparse.csv"
expect_contains "$WORK/err" "the file is 209,715,200 bytes (200 MiB), more than the 134,217,728 bytes (128 MiB)"
expect_nothing_written "a sparse file over the default limit"

# A NUL byte: file:line:column, in a plain field and in a quoted one.
printf '%s\nICE-2,Ma\0ria,Lopez,F,1990-01-01,GT\n' "$header" > "$WORK/nul.csv"
import_fails 1 "$WORK/nul.csv"
expect_contains "$WORK/err" "$WORK/nul.csv:2:9: error: NUL byte"
expect_nothing_written "a NUL byte"
printf '%s\nICE-2,Maria,"Lopez\nP\0erez",F,1990-01-01,GT\n' "$header" > "$WORK/nul_quoted.csv"
import_fails 1 "$WORK/nul_quoted.csv"
expect_contains "$WORK/err" "$WORK/nul_quoted.csv:3:2: error: NUL byte"
expect_nothing_written "a NUL byte in a quoted field"

# A 1 MB name: too long, with the field and its length; the good rows around it are
# not written either.
python3 - "$WORK/long_name.csv" "$header" <<'PY'
import sys
with open(sys.argv[1], "w", encoding="utf-8") as f:
    f.write(sys.argv[2] + "\n")
    f.write("ICE-3,Rosa,Tum,F,1990-01-01,GT\n")
    f.write("ICE-4," + "A" * 1048576 + ",Tum,F,1990-01-01,GT\n")
PY
import_fails 1 "$WORK/long_name.csv"
expect_contains "$WORK/err" \
  "$WORK/long_name.csv:3:7: error: given_names: too long: 1,048,576 characters; a name takes at most 200"
expect_contains "$WORK/out" "nothing was written"
expect_nothing_written "a 1 MB name"

# Limits count characters: 200 accented letters (400 bytes) are a name, 201 are not.
python3 - "$WORK/accents.csv" "$header" <<'PY'
import sys
with open(sys.argv[1], "w", encoding="utf-8") as f:
    f.write(sys.argv[2] + "\n")
    f.write("ICE-5," + "ñ" * 200 + ",Tum,F,1990-01-01,GT\n")
    f.write("ICE-6,Rosa," + "é" * 201 + ",F,1990-01-01,GT\n")
PY
import_fails 1 "$WORK/accents.csv"
expect_contains "$WORK/err" "accents.csv:3:12: error: surnames: too long: 201 characters"
if grep -q "accents.csv:2:" "$WORK/err"; then fail "200 characters were refused"; else pass; fi
expect_nothing_written "a surname of 201 characters"

# A right-to-left override in a name: refused where it is.
printf '%s\nICE-7,Juan \xe2\x80\xaezepol,Xol,M,1985-02-03,GT\n' "$header" > "$WORK/rlo.csv"
import_fails 1 "$WORK/rlo.csv"
expect_contains "$WORK/err" "$WORK/rlo.csv:2:7: error: given_names: holds U+202E RIGHT-TO-LEFT OVERRIDE at character 6"
expect_nothing_written "a right-to-left override in a name"
printf '%s\nICE\xe2\x81\xa6-8,Juan,Xol,M,1985-02-03,GT\n' "$header" > "$WORK/isolate.csv"
import_fails 1 "$WORK/isolate.csv"
expect_contains "$WORK/err" "isolate.csv:2:1: error: record_id: holds U+2066 LEFT-TO-RIGHT ISOLATE at character 4"
expect_nothing_written "a left-to-right isolate in a record_id"

# Invalid UTF-8 stays an error (located in bytes).
printf '%s\nICE-9,Jos\xc3\xa9,L\xf3pez,M,1985-02-03,GT\n' "$header" > "$WORK/bad_utf8.csv"
import_fails 1 "$WORK/bad_utf8.csv" --encoding utf-8
expect_contains "$WORK/err" "bad_utf8.csv:2:14: error: invalid UTF-8: byte 0xF3"
expect_nothing_written "invalid UTF-8"

# A mapping file with a NUL byte is refused as well.
printf '[columns]\nNom\0bre = given_names\n' > "$WORK/nul.map"
import_fails 1 "$WORK/good.csv" --mapping "$WORK/nul.map"
expect_contains "$WORK/err" "$WORK/nul.map:2:4: NUL byte"
expect_nothing_written "a mapping file with a NUL byte"

finish
