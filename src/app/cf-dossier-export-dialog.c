/* cf-dossier-export-dialog.c — ask for a signing key and a file, export in
 * a worker with progress and Cancel, then show the seal to communicate
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-app"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cf-dossier-export-dialog.h"
#include "cf-dossier.h"

typedef struct
{
  GtkWindow      *parent;
  CfContext      *context;
  gint64          product_id;
  char           *product_name;
  char           *sign_key;
  GFile          *file;
  GCancellable   *cancellable;
  AdwMessageDialog *progress_dialog;
  GtkProgressBar *progress_bar;
  guint           progress_source;
  /* Written by the worker, read by the timeout on the main thread. */
  GMutex          lock;
  guint64         done;
  guint64         total;
} Export;

static void
export_free (Export *export)
{
  g_clear_handle_id (&export->progress_source, g_source_remove);
  g_clear_object (&export->parent);
  g_clear_object (&export->context);
  g_clear_object (&export->file);
  g_clear_object (&export->cancellable);
  g_free (export->product_name);
  g_free (export->sign_key);
  g_mutex_clear (&export->lock);
  g_free (export);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Export, export_free)

/* The schema is missing when run uninstalled without it: then nothing is
 * remembered. */
static GSettings *
dup_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);

  return schema != NULL ? g_settings_new (APP_ID) : NULL;
}

static void
show_message (GtkWindow  *parent,
              const char *heading,
              const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
seal_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  gpointer          user_data)
{
  const char *seal = g_object_get_data (G_OBJECT (dialog), "seal");

  if (g_str_equal (response, "copy"))
    gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (dialog)), seal);
}

static void
show_seal (Export                      *export,
           const CfDossierExportResult *result)
{
  g_autofree char *name = g_file_get_basename (export->file);
  g_autofree char *body = NULL;
  g_autofree char *size = g_format_size (result->n_bytes);
  GtkWidget *dialog;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *caption = gtk_label_new (_("Seal (SHA-256 of the manifest)"));
  GtkWidget *seal = gtk_label_new (result->seal);

  if (result->signer != NULL)
    body = g_strdup_printf (_("“%s” holds %u files (%s). Its manifest is signed by %s. Give the "
                              "reviewer the seal below by another channel, by phone or letter, "
                              "so that they can be sure the dossier they open is the one you "
                              "sent."), name, result->n_members, size, result->signer);
  else
    body = g_strdup_printf (_("“%s” holds %u files (%s). Give the reviewer the seal below by "
                              "another channel, by phone or letter, so that they can be sure "
                              "the dossier they open is the one you sent."),
                            name, result->n_members, size);

  dialog = adw_message_dialog_new (export->parent, _("Dossier Exported"), body);
  gtk_widget_add_css_class (caption, "caption-heading");
  gtk_label_set_selectable (GTK_LABEL (seal), TRUE);
  gtk_label_set_wrap (GTK_LABEL (seal), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (seal), PANGO_WRAP_CHAR);
  {
    /* A hyphen where the seal wraps would be read as part of it. */
    PangoAttrList *attributes = pango_attr_list_new ();

    pango_attr_list_insert (attributes, pango_attr_insert_hyphens_new (FALSE));
    gtk_label_set_attributes (GTK_LABEL (seal), attributes);
    pango_attr_list_unref (attributes);
  }
  gtk_widget_add_css_class (seal, "monospace");
  gtk_widget_set_name (seal, "seal");
  gtk_box_append (GTK_BOX (box), caption);
  gtk_box_append (GTK_BOX (box), seal);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "close", _("_Close"),
                                    "copy", _("C_opy Seal"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "copy",
                                              ADW_RESPONSE_SUGGESTED);
  g_object_set_data_full (G_OBJECT (dialog), "seal", g_strdup (result->seal), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (seal_response_cb), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
progress_cb (guint64  done,
             guint64  total,
             gpointer user_data)
{
  Export *export = user_data;
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&export->lock);

  export->done = done;
  export->total = total;
}

static gboolean
update_progress_cb (gpointer user_data)
{
  Export *export = user_data;
  guint64 done, total;

  g_mutex_lock (&export->lock);
  done = export->done;
  total = export->total;
  g_mutex_unlock (&export->lock);

  if (total > 0)
    {
      g_autofree char *shown_done = g_format_size (done);
      g_autofree char *shown_total = g_format_size (total);
      g_autofree char *text = g_strdup_printf (_("%s of %s"), shown_done, shown_total);

      gtk_progress_bar_set_fraction (export->progress_bar, (double) done / (double) total);
      gtk_progress_bar_set_text (export->progress_bar, text);
    }
  else
    gtk_progress_bar_pulse (export->progress_bar);

  return G_SOURCE_CONTINUE;
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Export *export = task_data;
  g_autoptr(GError) error = NULL;
  CfDossierExportResult *result = g_new0 (CfDossierExportResult, 1);
  CfDossierExportOptions options = {
    .sign_key = export->sign_key,
    .progress = progress_cb,
    .progress_data = export,
  };

  if (!cf_dossier_export_with (cf_context_get_store (export->context),
                               cf_context_get_catalogue (export->context), export->product_id,
                               export->file, &options, result, cancellable, &error))
    {
      g_free (result);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, result, NULL);
}

static void
exported_cb (GObject      *source,
             GAsyncResult *res,
             gpointer      user_data)
{
  Export *export = g_task_get_task_data (G_TASK (res));
  g_autoptr(GError) error = NULL;
  CfDossierExportResult *result = g_task_propagate_pointer (G_TASK (res), &error);

  (void) user_data;

  g_clear_handle_id (&export->progress_source, g_source_remove);
  if (export->progress_dialog != NULL)
    {
      /* Closed by the program, not by Cancel: no response to act on. */
      g_signal_handlers_disconnect_by_data (export->progress_dialog, export);
      gtk_window_destroy (GTK_WINDOW (export->progress_dialog));
      export->progress_dialog = NULL;
    }

  if (result == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_message (export->parent, _("Dossier Not Exported"), error->message);
      return;
    }

  show_seal (export, result);
  cf_dossier_export_result_clear (result);
  g_free (result);
}

static void
progress_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      gpointer          user_data)
{
  Export *export = user_data;

  /* The dialog closes itself; the export stops and leaves no file. */
  export->progress_dialog = NULL;
  g_cancellable_cancel (export->cancellable);
}

static void
start_export (Export *export)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *name = g_file_get_basename (export->file);
  g_autofree char *body = g_strdup_printf (_("Writing “%s”. Every file is read from the project "
                                             "and hashed on the way."), name);
  GtkWidget *dialog = adw_message_dialog_new (export->parent, _("Exporting Dossier"), body);
  GtkWidget *bar = gtk_progress_bar_new ();

  gtk_progress_bar_set_show_text (GTK_PROGRESS_BAR (bar), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), bar);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  export->progress_dialog = ADW_MESSAGE_DIALOG (dialog);
  export->progress_bar = GTK_PROGRESS_BAR (bar);
  export->cancellable = g_cancellable_new ();
  g_signal_connect (dialog, "response", G_CALLBACK (progress_response_cb), export);
  gtk_window_present (GTK_WINDOW (dialog));

  export->progress_source = g_timeout_add (100, update_progress_cb, export);

  task = g_task_new (NULL, export->cancellable, exported_cb, NULL);
  g_task_set_source_tag (task, start_export);
  g_task_set_task_data (task, export, (GDestroyNotify) export_free);
  g_task_run_in_thread (task, export_thread);
}

static void
file_response_cb (GtkNativeDialog *chooser,
                  int              response,
                  gpointer         user_data)
{
  g_autoptr(Export) export = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      export->file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      start_export (g_steal_pointer (&export));
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
choose_file (Export *export)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = g_strdup_printf (_("%s dossier.zip"), export->product_name);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Export Dossier"), export->parent,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_strdelimit (name, "/\\", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_file_filter_set_name (filter, _("ZIP archives"));
  gtk_file_filter_add_mime_type (filter, "application/zip");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (file_response_cb), export);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
ask_response_cb (AdwMessageDialog *dialog,
                 const char       *response,
                 gpointer          user_data)
{
  g_autoptr(Export) export = user_data;
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "key-entry");
  g_autofree char *key = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  g_autoptr(GSettings) settings = NULL;

  if (!g_str_equal (response, "export"))
    return;

  settings = dup_settings ();
  if (settings != NULL)
    g_settings_set_string (settings, "dossier-signing-key", key);

  export->sign_key = *key != '\0' ? g_steal_pointer (&key) : NULL;
  choose_file (g_steal_pointer (&export));
}

/**
 * cf_dossier_export_dialog_export_to:
 * @sign_key: (nullable): the OpenPGP key to sign with
 * @file: where to write the dossier
 *
 * The second half of cf_dossier_export_dialog_run, once a file is chosen:
 * progress with Cancel, then the seal (or the reason it failed).
 */
void
cf_dossier_export_dialog_export_to (GtkWindow  *parent,
                                    CfContext  *context,
                                    gint64      product_id,
                                    const char *sign_key,
                                    GFile      *file)
{
  Export *export = g_new0 (Export, 1);

  export->parent = g_object_ref (parent);
  export->context = g_object_ref (context);
  export->product_id = product_id;
  export->sign_key = g_strdup (sign_key);
  export->file = g_object_ref (file);
  start_export (export);
}

/**
 * cf_dossier_export_dialog_run:
 *
 * Exports the product's dossier: asks whether to sign it and where to
 * write it, shows the progress with a way to cancel, and ends with the
 * seal to communicate to the reviewer.
 */
void
cf_dossier_export_dialog_run (GtkWindow   *parent,
                              CfContext   *context,
                              gint64       product_id,
                              const char  *product_name)
{
  Export *export = g_new0 (Export, 1);
  g_autoptr(GSettings) settings = dup_settings ();
  g_autofree char *saved_key = settings != NULL ? g_settings_get_string (settings, "dossier-signing-key")
                                                : g_strdup ("");
  GtkWidget *dialog;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new_with_mnemonic (_("_Sign with OpenPGP key (optional)"));
  GtkWidget *entry = gtk_entry_new ();

  export->parent = g_object_ref (parent);
  export->context = g_object_ref (context);
  export->product_id = product_id;
  export->product_name = g_strdup (product_name);

  dialog = adw_message_dialog_new (parent, _("Export Dossier"),
                                   _("One ZIP file for the notified body or the market "
                                     "surveillance authority: the latest version of each "
                                     "generated document, every current evidence file and "
                                     "SBOM, the assessment as XML, and a manifest listing each "
                                     "file with its SHA-256."));
  gtk_widget_set_halign (label, GTK_ALIGN_START);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), entry);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Key fingerprint or e-mail address"));
  gtk_editable_set_text (GTK_EDITABLE (entry), saved_key);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), entry);
  {
    GtkWidget *hint = gtk_label_new (_("Leave empty to export without a signature."));

    gtk_widget_set_halign (hint, GTK_ALIGN_START);
    gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
    gtk_widget_add_css_class (hint, "caption");
    gtk_widget_add_css_class (hint, "dim-label");
    gtk_box_append (GTK_BOX (box), hint);
  }
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "export", _("_Choose File…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "export",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "export");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "key-entry", entry);
  g_signal_connect (dialog, "response", G_CALLBACK (ask_response_cb), export);
  gtk_window_present (GTK_WINDOW (dialog));
}
