/* cf-case-export.c
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The editor, the report preview and the cases view all save files the
 * same way: the user picks where, a worker renders and writes, and the
 * destination appears only once complete (g_file_replace_contents).
 */
#define G_LOG_DOMAIN "cf-case-export"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cf-case-export.h"

typedef struct
{
  CfCaseExportChosenFunc chosen;
  gpointer               data;
  GDestroyNotify         destroy;
} Chooser;

static void
chooser_free (Chooser *c)
{
  if (c->destroy != NULL)
    c->destroy (c->data);
  g_free (c);
}

static void
response_cb (GtkNativeDialog *dialog,
             int              response,
             gpointer         user_data)
{
  Chooser *c = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      c->chosen (file, c->data);
    }

  chooser_free (c);
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

/**
 * cf_case_export_choose_file:
 * @chosen: called with the file once the user accepted; never on cancel
 * @destroy: (nullable): frees @user_data once the dialog is gone
 *
 * Asks where to save, suggesting @suggested_name.
 */
void
cf_case_export_choose_file (GtkWindow              *parent,
                            const char             *title,
                            const char             *suggested_name,
                            const char             *filter_name,
                            const char             *mime_type,
                            CfCaseExportChosenFunc  chosen,
                            gpointer                user_data,
                            GDestroyNotify          destroy)
{
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  Chooser *c = g_new0 (Chooser, 1);

  c->chosen = chosen;
  c->data = user_data;
  c->destroy = destroy;

  dialog = gtk_file_chooser_native_new (title, parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), suggested_name);
  gtk_file_filter_set_name (filter, filter_name);
  gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), c);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

typedef struct
{
  CfCaseReport *report;   /* for a PDF; NULL for text */
  GBytes       *text;
  GFile        *file;
} ExportData;

static void
export_data_free (ExportData *d)
{
  g_clear_pointer (&d->report, cf_case_report_free);
  g_clear_pointer (&d->text, g_bytes_unref);
  g_clear_object (&d->file);
  g_free (d);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *d = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  if (d->report != NULL)
    bytes = cf_case_report_to_pdf (d->report, cancellable, &error);
  else
    bytes = g_bytes_ref (d->text);

  if (bytes == NULL ||
      !g_file_replace_contents (d->file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, cancellable,
                                &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
run (ExportData          *d,
     GCancellable        *cancellable,
     GAsyncReadyCallback  callback,
     gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, cf_case_export_finish);
  g_task_set_task_data (task, d, (GDestroyNotify) export_data_free);
  g_task_run_in_thread (task, export_thread);
}

/**
 * cf_case_export_pdf_async:
 * @report: (transfer full): the report; the worker owns it from now on
 *
 * Renders @report as PDF and writes it to @file in a worker.
 */
void
cf_case_export_pdf_async (CfCaseReport        *report,
                          GFile               *file,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  ExportData *d = g_new0 (ExportData, 1);

  d->report = report;
  d->file = g_object_ref (file);
  run (d, cancellable, callback, user_data);
}

/* Writes @text (a CSAF advisory, a VEX document) to @file in a worker. */
void
cf_case_export_text_async (const char          *text,
                           GFile               *file,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  ExportData *d = g_new0 (ExportData, 1);

  d->text = g_bytes_new (text, strlen (text));
  d->file = g_object_ref (file);
  run (d, cancellable, callback, user_data);
}

gboolean
cf_case_export_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * cf_case_export_file_name:
 *
 * Returns: (transfer full): @title made safe as a file name, with @extension
 */
char *
cf_case_export_file_name (const char *title,
                          const char *extension)
{
  g_autofree char *base = g_strdup (title);

  g_strdelimit (base, "/\\:", '-');
  return g_strdup_printf ("%s.%s", base, extension);
}
