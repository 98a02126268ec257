/* cf-text-diff.h — what changed between two versions of a document's text
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  CF_DIFF_SAME,
  CF_DIFF_REMOVED,
  CF_DIFF_ADDED,
} CfDiffKind;

typedef struct
{
  CfDiffKind  kind;
  const char *line;     /* points into the texts given */
  guint       old_no;   /* 1-based line numbers; 0 where the line is not in that text */
  guint       new_no;
} CfDiffLine;

GArray *cf_text_diff_lines   (const char * const *old_lines,
                              const char * const *new_lines);
char   *cf_text_diff_unified (const char         *old_text,
                              const char         *new_text,
                              const char         *old_label,
                              const char         *new_label,
                              guint               context);

G_END_DECLS
