#!/usr/bin/env python3
# run-bad-input.py — runs every case of tests/bad-input/ through conformity-cli
# and prints TAP, one subtest per case.
#
# Copyright 2026 The Conformity Authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: CONFORMITY_CLI=path/to/conformity-cli run-bad-input.py [CASE-DIR] [NAME...]
#
# A case is NAME.expect (its expected outcome, see README.md) beside its
# input: the file NAME itself, or NAME.gen, a Python script that writes it.
# For each case: a fresh copy of a reference database, the generator, the
# command with a timeout, then the checks: the exit status, the words of the
# message, no raw library output, every file of the case's folder byte for
# byte as before and no file added anywhere in the run's folder. Giving
# NAMEs runs only those cases.

import hashlib
import os
import shlex
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))

# What a message must never show: library names and calls, C sources, GLib
# criticals, a Python or C stack. The user needs the input and the problem.
RAW_OUTPUT = ['sqlite3_', 'SQLITE_', 'libxml', 'json-glib', 'Json', 'archive_read', '.c:',
              'CRITICAL', 'WARNING **', 'assertion', 'Traceback', 'Segmentation',
              'AddressSanitizer', 'runtime error:']

KEYS = {'command', 'status', 'message', 'not-message', 'output', 'database', 'timeout', 'lock',
        'absent', 'max-rss-mb', 'pdf', 'pdf-text', 'pdf-text-lines'}
REPEATABLE = {'message', 'not-message', 'output', 'absent', 'pdf-text', 'pdf-text-lines'}


class CaseError(Exception):
    pass


def read_expect(path):
    expect = {key: [] for key in REPEATABLE}
    with open(path, encoding='utf-8') as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip('\n')
            if not line.strip() or line.lstrip().startswith('#'):
                continue
            key, sep, value = line.partition(':')
            key = key.strip()
            if not sep or key not in KEYS:
                raise CaseError(f'{path}:{number}: “{line}” is not KEY: VALUE with a known key')
            value = value.strip()
            if key in REPEATABLE:
                expect[key].append(value)
            elif key in expect:
                raise CaseError(f'{path}:{number}: {key} given twice')
            else:
                expect[key] = value
    for key in ('command', 'status'):
        if key not in expect:
            raise CaseError(f'{path}: no {key}:')
    if expect.get('database', 'unchanged') not in ('unchanged', 'changed'):
        raise CaseError(f'{path}: database: is “unchanged” or “changed”')
    if int(expect['status']) == 0 and 'pdf' not in expect and not expect['output']:
        raise CaseError(f'{path}: a case that is accepted (status: 0) must check a pdf: '
                        'or its output:')
    if int(expect['status']) != 0 and expect.get('database') == 'changed':
        raise CaseError(f'{path}: a refusal must leave the database unchanged')
    return expect


def substitute(text, places):
    for name, value in places.items():
        text = text.replace(f'@{name}@', value)
    return text


def snapshot(root):
    """Every file under root, by path, with its SHA-256 (links by target)."""
    files = {}
    for folder, dirs, names in os.walk(root):
        for name in dirs + names:
            path = os.path.join(folder, name)
            if os.path.islink(path):
                files[path] = 'link:' + os.readlink(path)
            elif os.path.isfile(path):
                digest = hashlib.sha256()
                with open(path, 'rb') as f:
                    for chunk in iter(lambda: f.read(1 << 20), b''):
                        digest.update(chunk)
                files[path] = digest.hexdigest()
            elif not os.path.isdir(path):
                files[path] = 'special'
    return files


class Lock:
    """Another program in the middle of a write: an exclusive transaction
    held by a child process until the case ends."""

    CODE = ('import sqlite3, sys\n'
            'db = sqlite3.connect(sys.argv[1], isolation_level=None)\n'
            'db.execute("BEGIN EXCLUSIVE")\n'
            'print("locked", flush=True)\n'
            'sys.stdin.read()\n')

    def __init__(self, path):
        self.child = subprocess.Popen([sys.executable, '-c', self.CODE, path],
                                      stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        if self.child.stdout.readline().strip() != 'locked':
            raise CaseError(f'could not lock {path}')

    def release(self):
        self.child.stdin.close()
        self.child.wait(timeout=30)


def run_cli(argv, cwd, timeout):
    """Runs the CLI with stdout and stderr in files, so that a large output
    cannot block it; returns status, stdout, stderr and peak RSS in MiB."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        child = subprocess.Popen(argv, cwd=cwd, stdin=subprocess.DEVNULL, stdout=out,
                                 stderr=err, start_new_session=True)
        deadline = time.monotonic() + timeout
        while True:
            pid, wait_status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid != 0:
                break
            if time.monotonic() > deadline:
                os.killpg(child.pid, signal.SIGKILL)
                os.wait4(child.pid, 0)
                child.returncode = -signal.SIGKILL
                raise CaseError(f'still running after {timeout} s: killed (a hang is a failure)')
            time.sleep(0.02)
        child.returncode = 0  # reaped above; keep Popen from waiting again
        out.seek(0)
        err.seek(0)
        status = (os.WEXITSTATUS(wait_status) if os.WIFEXITED(wait_status)
                  else -os.WTERMSIG(wait_status))
        return (status, out.read().decode('utf-8', 'replace'),
                err.read().decode('utf-8', 'replace'), usage.ru_maxrss / 1024)


def shows(text, words, gap=400, run=16):
    """Whether text holds words, allowing what a page break or a table's
    other cells put in between: runs of at most gap other characters, after
    which the next run characters of words go on. Spaces do not count."""
    words = ''.join(words.split())
    start = text.find(words[:run])
    while start >= 0:
        i, j = 0, start
        while i < len(words):
            if j < len(text) and text[j] == words[i]:
                i, j = i + 1, j + 1
                continue
            j = text.find(words[i:i + run], j, j + gap + run)
            if j < 0:
                break
        if i == len(words):
            return True
        start = text.find(words[:run], start + 1)
    return False


def check_pdf(path, expect, places, notes):
    if not os.path.isfile(path):
        raise CaseError(f'no PDF at {path}')
    check = subprocess.run(['qpdf', '--check', path], capture_output=True, text=True)
    if check.returncode != 0:
        raise CaseError(f'qpdf --check fails on {path}: {check.stdout}{check.stderr}')
    text = subprocess.run(['pdftotext', '-enc', 'UTF-8', path, '-'], capture_output=True,
                          check=True).stdout.decode('utf-8')
    joined = ''.join(text.split())
    wanted = [substitute(t, places) for t in expect['pdf-text']]
    for listing in expect['pdf-text-lines']:
        with open(substitute(listing, places), encoding='utf-8') as f:
            wanted += [line.strip() for line in f if line.strip()]
    for words in wanted:
        if not shows(joined, words):
            raise CaseError(f'the PDF does not show “{words[:200]}”')
    notes.append(f'PDF: {len(text)} characters of text, {len(wanted)} passages found')


def run_case(cli, case_dir, ref_db, top, name):
    expect = read_expect(os.path.join(case_dir, name + '.expect'))
    work = os.path.join(top, 'cases', name)
    os.makedirs(work)
    db = os.path.join(work, 'project.db')
    shutil.copyfile(ref_db, db)
    os.chmod(db, 0o600)
    input_path = os.path.join(work, name)
    places = {'DB': db, 'INPUT': input_path, 'NAME': name, 'WORK': work, 'CASES': case_dir}
    # No __pycache__ beside _gen.py: the source tree stays as checked out.
    env = dict(os.environ, BAD_INPUT_DB=db, BAD_INPUT_WORK=work, BAD_INPUT_CASES=case_dir,
               PYTHONDONTWRITEBYTECODE='1')

    if os.path.exists(os.path.join(case_dir, name)):
        shutil.copyfile(os.path.join(case_dir, name), input_path)
    elif os.path.exists(os.path.join(case_dir, name + '.gen')):
        subprocess.run([sys.executable, os.path.join(case_dir, name + '.gen'), input_path],
                       cwd=work, env=env, check=True, stdin=subprocess.DEVNULL)
    else:
        raise CaseError(f'neither {name} nor {name}.gen exists')
    if os.path.isfile(input_path) and '@INPUT_TEXT@' in expect['command']:
        with open(input_path, 'rb') as f:
            text = f.read()
        if text.endswith(b'\n'):
            text = text[:-1]
        places['INPUT_TEXT'] = os.fsdecode(text)

    absent = [substitute(a, places) for a in expect['absent']]
    for path in absent:
        if os.path.lexists(path):
            raise CaseError(f'{path} exists before the case runs; remove it')

    argv = [cli] + [substitute(word, places) for word in shlex.split(expect['command'])]
    lock = Lock(substitute(expect['lock'], places)) if 'lock' in expect else None
    before = snapshot(top)
    try:
        status, out, err, rss = run_cli(argv, work, float(expect.get('timeout', 120)))
        # Before the lock goes: its holder removes the -wal and -shm files.
        after = snapshot(top)
    finally:
        if lock is not None:
            lock.release()

    notes = [f'exit {status}, peak RSS {rss:.0f} MiB']
    problems = []
    wanted = int(expect['status'])
    if status != wanted:
        problems.append(f'exit status {status}, expected {wanted}')
    for words in expect['message']:
        words = substitute(words, places)
        if words not in err:
            problems.append(f'the message does not say “{words}”')
    for words in expect['output']:
        words = substitute(words, places)
        if words not in out:
            problems.append(f'the output does not say “{words}”')
    for words in expect['not-message']:
        if substitute(words, places) in err + out:
            problems.append(f'the output says “{words}”')
    if wanted != 0:
        # One line "conformity-cli: MESSAGE"; a dossier's problems follow it.
        if not err.startswith('conformity-cli: '):
            problems.append('stderr does not start with “conformity-cli: MESSAGE”')
    for raw in RAW_OUTPUT:
        if raw in err:
            problems.append(f'the message shows raw library or crash output (“{raw}”)')
    # Quoting the input must not pass its escape sequences to the terminal.
    controls = sorted({f'U+{ord(c):04X}' for c in out + err
                       if (ord(c) < 0x20 and c not in '\n\t') or 0x7f <= ord(c) < 0xa0})
    if controls:
        problems.append('the output holds control characters: ' + ', '.join(controls))

    # Nothing written where it should not be: every file of the case as it
    # was (the database, the input), no new file anywhere in the run.
    if expect.get('database', 'unchanged') == 'unchanged':
        changed = sorted(p for p in before if after.get(p) != before[p])
        if changed:
            problems.append('changed: ' + ', '.join(os.path.relpath(p, top) for p in changed))
        added = sorted(set(after) - set(before))
        if added:
            problems.append('written: ' + ', '.join(os.path.relpath(p, top) for p in added))
    for path in absent:
        if os.path.lexists(path):
            problems.append(f'{path} was written')
            os.unlink(path)

    limit = expect.get('max-rss-mb')
    if limit is not None:
        if 'ASAN_OPTIONS' in os.environ:
            notes.append('memory not checked under AddressSanitizer')
        elif rss > float(limit):
            problems.append(f'peak memory {rss:.0f} MiB, more than {limit} MiB')

    if 'pdf' in expect and not problems:
        try:
            check_pdf(substitute(expect['pdf'], places), expect, places, notes)
        except CaseError as e:
            problems.append(str(e))

    return problems, notes, err


def make_reference(cli, root):
    ref = os.path.join(root, 'reference.db')
    subprocess.run([cli, '--db', ref, 'product', 'add-example'], check=True,
                   stdout=subprocess.DEVNULL)
    # The example may leave the write-ahead log beside it: fold it in, so
    # that each copy is the whole database.
    db = sqlite3.connect(ref)
    db.execute('PRAGMA wal_checkpoint(TRUNCATE)')
    db.close()
    for suffix in ('-wal', '-shm'):
        if os.path.exists(ref + suffix):
            os.unlink(ref + suffix)
    return ref


def main():
    cli = os.environ.get('CONFORMITY_CLI')
    if not cli:
        print('Bail out! CONFORMITY_CLI is not set')
        return 1
    case_dir = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else HERE
    if not os.path.isdir(case_dir):
        print(f'Bail out! no folder {case_dir}')
        return 1
    names = sys.argv[2:] or sorted(f[:-len('.expect')] for f in os.listdir(case_dir)
                                   if f.endswith('.expect'))
    for tool in ('qpdf', 'pdftotext'):
        if shutil.which(tool) is None:
            print(f'Bail out! {tool} is not installed; build-aux/test installs it')
            return 1

    os.environ.setdefault('LC_ALL', 'C.UTF-8')
    failed = 0
    with tempfile.TemporaryDirectory(prefix='conformity-bad-input-') as top:
        # Every file under top is watched while a case runs: the reference,
        # the case's folder (its database and input) and anything added.
        ref = make_reference(cli, top)
        print(f'1..{len(names)}')
        for number, name in enumerate(names, 1):
            try:
                problems, notes, err = run_case(cli, case_dir, ref, top, name)
            except (CaseError, subprocess.CalledProcessError, OSError, ValueError) as e:
                problems, notes, err = [str(e)], [], ''
            print(f'{"not ok" if problems else "ok"} {number} {name}')
            for line in problems:
                print(f'# FAILED: {line}')
            for line in notes:
                print(f'# {line}')
            for line in err.splitlines()[:3]:
                print(f'#   {line[:300]}')
            sys.stdout.flush()
            failed += bool(problems)
            # Whatever a case left, even beside its folder, goes with it.
            shutil.rmtree(os.path.join(top, 'cases'), ignore_errors=True)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
