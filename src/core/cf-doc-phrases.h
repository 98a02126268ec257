/* cf-doc-phrases.h — the words of a document, in the document's language
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Marks an English phrase that is looked up later, so that
 * build-aux/check-phrases finds it. */
#define PHRASE(english) (english)

/* A document's language is chosen per document and is independent of the
 * window's: its labels come from this phrasebook, not from gettext. The
 * regulation's own statements come from the catalogue instead. */
const char *cf_phrase          (const char *language,
                                const char *english);
char       *cf_phrase_format   (const char *language,
                                const char *english_template,
                                ...) G_GNUC_NULL_TERMINATED;
char       *cf_phrase_month_year (const char  *language,
                                  const GDate *date);
GStrv       cf_phrase_missing  (void);
void        cf_phrase_reset_missing (void);

G_END_DECLS
