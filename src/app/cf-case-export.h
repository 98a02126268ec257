/* cf-case-export.h — saving a case's reports, advisories and VEX documents to files
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cf-case-report.h"

G_BEGIN_DECLS

typedef void (*CfCaseExportChosenFunc) (GFile    *file,
                                        gpointer  user_data);

void      cf_case_export_choose_file (GtkWindow              *parent,
                                      const char             *title,
                                      const char             *suggested_name,
                                      const char             *filter_name,
                                      const char             *mime_type,
                                      CfCaseExportChosenFunc  chosen,
                                      gpointer                user_data,
                                      GDestroyNotify          destroy);
void      cf_case_export_pdf_async   (CfCaseReport           *report,
                                      GFile                  *file,
                                      GCancellable           *cancellable,
                                      GAsyncReadyCallback     callback,
                                      gpointer                user_data);
void      cf_case_export_text_async  (const char             *text,
                                      GFile                  *file,
                                      GCancellable           *cancellable,
                                      GAsyncReadyCallback     callback,
                                      gpointer                user_data);
gboolean  cf_case_export_finish      (GAsyncResult           *result,
                                      GError                **error);
char     *cf_case_export_file_name   (const char             *title,
                                      const char             *extension);

G_END_DECLS
