/* cli-harness.h — running conformity-cli in tests as a script would:
 * a fresh database per test, the binary spawned without a shell, its exit
 * status, stdout and stderr checked
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stdarg.h>

#include <glib.h>
#include <json-glib/json-glib.h>

#define ACTOR "Αλεξάνδρα CI"

typedef struct
{
  char *dir;
  char *db;
} Fixture;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Result;

void      result_free         (Result             *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Result, result_free)

void      fixture_set_up      (Fixture            *f,
                               gconstpointer       data);
void      fixture_tear_down   (Fixture            *f,
                               gconstpointer       data);

Result   *run_argv            (Fixture            *f,
                               const char * const *args);
Result   *run_va              (Fixture            *f,
                               const char         *first,
                               va_list             ap,
                               const char         *last);
Result   *run                 (Fixture            *f,
                               const char         *first,
                               ...) G_GNUC_NULL_TERMINATED;
JsonNode *run_json            (Fixture            *f,
                               const char         *first,
                               ...) G_GNUC_NULL_TERMINATED;
char     *run_id              (Fixture            *f,
                               const char         *first,
                               ...) G_GNUC_NULL_TERMINATED;

void      assert_one_line     (const char         *text);
void      assert_ok           (Result             *result);
void      assert_refused      (Result             *result,
                               int                 status,
                               const char         *mentioned);
JsonNode *parse_json          (const char         *text);

GBytes   *read_db             (Fixture            *f);
void      assert_db_unchanged (Fixture            *f,
                               GBytes             *before);
void      assert_integrity    (const char         *path);
