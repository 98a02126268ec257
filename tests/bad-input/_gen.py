# _gen.py — what the generators (*.gen) of tests/bad-input/ share: the
# output path, the CLI on the case's database, a real dossier to spoil, and a
# ZIP writer that writes what Python's zipfile would refuse or take hours to.
#
# Copyright 2026 The Conformity Authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A generator is run as `python3 NAME.gen OUTPUT` in the case's folder, with
# CONFORMITY_CLI, BAD_INPUT_DB (the case's fresh database), BAD_INPUT_WORK
# (the case's folder) and BAD_INPUT_CASES (this folder) in its environment.
# What it writes to OUTPUT is the input.

import hashlib
import json
import os
import shutil
import sqlite3
import struct
import subprocess
import sys
import tempfile
import zipfile
import zlib

OUT = sys.argv[1] if len(sys.argv) > 1 else None
DB = os.environ.get('BAD_INPUT_DB')
WORK = os.environ.get('BAD_INPUT_WORK')


def cli(*args, db=None):
    """Runs conformity-cli on the case's database (or db); returns stdout."""
    argv = [os.environ['CONFORMITY_CLI'], '--db', db or DB] + [str(a) for a in args]
    done = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          stdin=subprocess.DEVNULL)
    if done.returncode != 0:
        sys.exit(f'{" ".join(argv)}: exit {done.returncode}: {done.stderr.decode()}')
    return done.stdout.decode('utf-8').strip()


def write_text(text, path=None):
    with open(path or OUT, 'w', encoding='utf-8') as f:
        f.write(text)


def copy_database(path=None):
    """The case's database, copied: the input of the database cases."""
    shutil.copyfile(DB, path or OUT)
    os.chmod(path or OUT, 0o600)


def set_header_field(path, sql):
    db = sqlite3.connect(path)
    db.execute(sql)
    db.commit()
    db.close()


def export_dossier(path):
    """A real dossier of the example product, exported from a throwaway copy
    of the database (an export is recorded in the project)."""
    with tempfile.TemporaryDirectory() as scratch:
        copy = os.path.join(scratch, 'export.db')
        shutil.copyfile(DB, copy)
        cli('dossier', 'export', 1, '--out', path, db=copy)


_members = None


def dossier_members():
    """The members of a real dossier of the example product, in order."""
    global _members
    if _members is None:
        with tempfile.TemporaryDirectory() as scratch:
            original = os.path.join(scratch, 'dossier.zip')
            export_dossier(original)
            with zipfile.ZipFile(original) as z:
                _members = [(info.filename, z.read(info)) for info in z.infolist()]
    return list(_members)


def manifest_for(members):
    """The dossier's manifest.json listing members (name, bytes) as dossier
    export does, so that only the spoiled part of a dossier is wrong."""
    manifest = json.loads(dict(dossier_members())['manifest.json'])
    manifest['members'] = [{'path': name, 'size': len(data),
                            'sha256': hashlib.sha256(data).hexdigest()}
                           for name, data in members]
    return json.dumps(manifest, indent=2).encode('utf-8')


def dossier_with(replace=None, add=(), manifest=None):
    """Writes OUT: the example's dossier with members replaced or added
    (name, bytes), its manifest rewritten to match unless given."""
    members = dossier_members()
    body = [(n, (replace or {}).get(n, d)) for n, d in members if n != 'manifest.json'] + list(add)
    listed = manifest if manifest is not None else manifest_for(body)
    with zipfile.ZipFile(OUT, 'w', zipfile.ZIP_DEFLATED) as z:
        for name, data in body:
            z.writestr(zipfile.ZipInfo(name, (2026, 1, 1, 0, 0, 0)), data,
                       zipfile.ZIP_DEFLATED)
        # Stored: a long run of one character must not look like a bomb.
        z.writestr(zipfile.ZipInfo('manifest.json', (2026, 1, 1, 0, 0, 0)), listed,
                   zipfile.ZIP_STORED)


def assessment_xml():
    return dict(dossier_members())['assessment.xml'].decode('utf-8')


def with_doctype(xml, doctype):
    """xml with doctype inserted after its XML declaration."""
    head, sep, rest = xml.partition('?>')
    return head + sep + '\n' + doctype + rest


# A ZIP written by hand, for what zipfile cannot write: a member of 10 GiB
# made of one compressed block repeated, and sizes that lie.

def crc32_of_zeros(length):
    """The CRC-32 of length zero bytes, without reading them: the zero
    operator of zlib's crc32_combine, squared for each bit of length."""
    def times(matrix, vector):
        total = 0
        for row in matrix:
            if vector & 1:
                total ^= row
            vector >>= 1
            if not vector:
                break
        return total

    def square(matrix):
        return [times(matrix, row) for row in matrix]

    odd = [0xEDB88320] + [1 << i for i in range(31)]  # one zero bit
    even = square(odd)                                  # two
    odd = square(even)                                  # four
    crc = 0xFFFFFFFF
    while length:
        even = square(odd)
        if length & 1:
            crc = times(even, crc)
        length >>= 1
        if not length:
            break
        odd = square(even)
        if length & 1:
            crc = times(odd, crc)
        length >>= 1
    return crc ^ 0xFFFFFFFF


def zeros_deflated(length, chunk=64 << 20):
    """Yields a raw deflate stream of length zero bytes (a multiple of chunk):
    one chunk compressed after a full flush is the same bytes every time."""
    assert length % chunk == 0
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = compressor.compress(bytes(chunk)) + compressor.flush(zlib.Z_FULL_FLUSH)
    for _ in range(length // chunk):
        yield block
    yield compressor.flush(zlib.Z_FINISH)


def write_zip64(path, members):
    """members: (name, chunks, crc, size, declared_size, external_attr).
    Every header says declared_size; chunks is the raw deflate data."""
    central = []
    with open(path, 'wb') as f:
        for name, chunks, crc, size, declared, attr in members:
            offset = f.tell()
            raw = name.encode('utf-8')
            extra = struct.pack('<HHQQ', 1, 16, declared, 0)
            f.write(struct.pack('<IHHHHHIIIHH', 0x04034b50, 45, 0x800, 8, 0, 0x5c21, crc,
                                0xFFFFFFFF, 0xFFFFFFFF, len(raw), len(extra)) + raw + extra)
            start = f.tell()
            for block in chunks:
                f.write(block)
            compressed = f.tell() - start
            # Patch the compressed size into the local ZIP64 field.
            f.seek(offset + 30 + len(raw) + 12)
            f.write(struct.pack('<Q', compressed))
            f.seek(0, os.SEEK_END)
            central.append((raw, crc, declared, compressed, offset, attr))
        cd_start = f.tell()
        for raw, crc, declared, compressed, offset, attr in central:
            extra = struct.pack('<HHQQQ', 1, 24, declared, compressed, offset)
            f.write(struct.pack('<IHHHHHHIIIHHHHHII', 0x02014b50, 0x031e, 45, 0x800, 8, 0, 0x5c21,
                                crc, 0xFFFFFFFF, 0xFFFFFFFF, len(raw), len(extra), 0, 0, 0,
                                attr, 0xFFFFFFFF) + raw + extra)
        cd_end = f.tell()
        n = len(central)
        f.write(struct.pack('<IQHHIIQQQQ', 0x06064b50, 44, 45, 45, 0, 0, n, n,
                            cd_end - cd_start, cd_start))
        f.write(struct.pack('<IIQI', 0x07064b50, 0, cd_end, 1))
        f.write(struct.pack('<IHHHHIIH', 0x06054b50, 0, 0, 0xFFFF, 0xFFFF, 0xFFFFFFFF,
                            0xFFFFFFFF, 0))
