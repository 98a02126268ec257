/* cf-findings-file.h — the findings a reviewer sends back to the
 * manufacturer, as one JSON file
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cf-finding.h"

G_BEGIN_DECLS

#define CF_FINDINGS_FILE_FORMAT         "conformity-findings"
#define CF_FINDINGS_FILE_FORMAT_VERSION 1

/* Larger files are refused unread. */
#define CF_FINDINGS_FILE_MAX_SIZE (G_GUINT64_CONSTANT (16) << 20)

typedef struct
{
  char       *seal;               /* of the dossier reviewed */
  gint64      product_id;         /* in the manufacturer's project */
  char       *product_name;
  char       *manufacturer_name;
  char       *reviewer;
  char       *exported_at;
  GPtrArray  *findings;           /* of CfFinding, by number */
} CfFindingsFile;

CfFindingsFile *cf_findings_file_new   (void);
void            cf_findings_file_free  (CfFindingsFile  *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfFindingsFile, cf_findings_file_free)

GBytes         *cf_findings_file_write (CfFindingsFile  *self);
CfFindingsFile *cf_findings_file_read  (const char      *data,
                                        gsize            length,
                                        const char      *shown,
                                        GError         **error);
CfFindingsFile *cf_findings_file_load  (GFile           *file,
                                        GCancellable    *cancellable,
                                        GError         **error);

G_END_DECLS
