/* dossier-fixture.h — a project with an example product and its
 * documents, and ways to tamper with the dossiers it exports; shared by
 * the dossier and review tests
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <archive.h>

#include "cf-dossier.h"
#include "cf-store.h"
#include "test-files.h"

typedef struct
{
  char        *dir;
  char        *path;
  CfStore     *store;
  CfCatalogue *catalogue;
  gint64       product_id;
} Fixture;

typedef enum
{
  REWRITE_ALTER,      /* flip a byte of TARGET */
  REWRITE_DROP,       /* leave TARGET out */
  REWRITE_ADD,        /* add TARGET, not in the manifest */
  REWRITE_MANIFEST,   /* the manifest with one more byte */
} Rewrite;

void  fixture_set_up    (Fixture       *f,
                         gconstpointer  data);
void  fixture_tear_down (Fixture       *f,
                         gconstpointer  data);
char *export            (Fixture       *f,
                         const char    *name,
                         char         **seal);
void  add_entry         (struct archive *out,
                         const char     *name,
                         const guint8   *data,
                         gsize           size);
void  rewrite           (const char    *src,
                         const char    *dst,
                         Rewrite        how,
                         const char    *target);
