#!/usr/bin/env python3
# validate-json-schema.py — validate a JSON document against a JSON schema,
# resolving every $ref from local files, never from the network.
#
# Copyright 2026 The Conformity Authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: validate-json-schema.py SCHEMA DOCUMENT [EXTRA-SCHEMA...]
#
# Every schema given (the main one and the extras) is registered under its
# $id and under that $id without its query ("?20190610"), because the CSAF
# schema refers to the FIRST CVSS schemas by the bare URL. Format checking is
# on. Exit status 0 when valid, 1 with the errors on stderr when not, 2 when
# the tool itself cannot run.

import json
import os
import sys
import warnings

SYSTEM_PYTHON = '/usr/bin/python3'


def load(path):
    with open(path, encoding='utf-8') as f:
        return json.load(f)


def ids_of(schema):
    # draft-04 spells it "id"
    uri = schema.get('$id', schema.get('id'))
    if not uri:
        return []
    uri = uri.rstrip('#')
    return sorted({uri, uri.split('?', 1)[0]})


def validator_for(schema, extras):
    import jsonschema

    cls = jsonschema.validators.validator_for(schema)
    checker = cls.FORMAT_CHECKER
    try:
        # jsonschema >= 4.18
        from referencing import Registry, Resource
        from referencing.jsonschema import DRAFT7

        resources = []
        for extra in [schema] + extras:
            resource = Resource.from_contents(extra, default_specification=DRAFT7)
            resources += [(uri, resource) for uri in ids_of(extra)]
        registry = Registry().with_resources(resources)
        return cls(schema, registry=registry, format_checker=checker)
    except ImportError:
        # jsonschema 4.10 (Debian 12)
        store = {}
        for extra in [schema] + extras:
            for uri in ids_of(extra):
                store[uri] = extra
        with warnings.catch_warnings():
            warnings.simplefilter('ignore', DeprecationWarning)
            resolver = jsonschema.RefResolver.from_schema(schema, store=store)
        return cls(schema, resolver=resolver, format_checker=checker)


def main(argv):
    if len(argv) < 3:
        print('usage: validate-json-schema.py SCHEMA DOCUMENT [EXTRA-SCHEMA...]',
              file=sys.stderr)
        return 2
    try:
        import jsonschema  # noqa: F401
    except ImportError:
        # The python3 first on PATH may be a private one without the module;
        # the system's has it once python3-jsonschema is installed.
        if (os.path.exists(SYSTEM_PYTHON) and
                os.path.realpath(sys.executable) != os.path.realpath(SYSTEM_PYTHON)):
            os.execv(SYSTEM_PYTHON, [SYSTEM_PYTHON] + argv)
    try:
        schema = load(argv[1])
        document = load(argv[2])
        extras = [load(path) for path in argv[3:]]
        validator = validator_for(schema, extras)
    except ImportError as e:
        print(f'python3-jsonschema is needed: {e}', file=sys.stderr)
        return 2
    except (OSError, ValueError) as e:
        print(f'cannot read the schema or the document: {e}', file=sys.stderr)
        return 2

    try:
        errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
    except Exception as e:  # an unresolvable $ref: a schema file is missing
        print(f'cannot validate {argv[2]}: {e}', file=sys.stderr)
        return 2
    for error in errors:
        where = '/'.join(str(p) for p in error.absolute_path) or '(document)'
        print(f'{argv[2]}: {where}: {error.message}', file=sys.stderr)
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
