/* cf-discard-dialog.c
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-discard-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-discard-dialog.h"

typedef struct
{
  GtkWindow *parent;
  void     (*discard) (GtkWindow *parent);
  gboolean   answered;
} Pending;

static void
pending_free (gpointer  user_data,
              GClosure *closure)
{
  Pending *pending = user_data;

  g_object_unref (pending->parent);
  g_free (pending);
}

/* What the idle needs once the dialog, and its pending data, may be gone. */
typedef struct
{
  GtkWindow *parent;
  void     (*discard) (GtkWindow *parent);
} Discard;

static gboolean
discard_cb (gpointer user_data)
{
  Discard *d = user_data;

  d->discard (d->parent);

  return G_SOURCE_REMOVE;
}

static void
discard_free (gpointer user_data)
{
  Discard *d = user_data;

  g_object_unref (d->parent);
  g_free (d);
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             Pending          *pending)
{
  Discard *d;

  /* The dialog may report its close as a second response: act once. */
  if (pending->answered)
    return;
  pending->answered = TRUE;

  if (g_strcmp0 (response, "discard") != 0)
    return;

  /* The question is transient for the window and is still answering: act
   * once it is done, not from under it. */
  d = g_new0 (Discard, 1);
  d->parent = g_object_ref (pending->parent);
  d->discard = pending->discard;
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, discard_cb, d, discard_free);
}

/**
 * cf_discard_dialog_present:
 * @parent: the window whose input would be lost
 * @discard: called as `void discard (GtkWindow *parent)` when the user
 *   chooses to discard; nothing happens when they keep editing
 *
 * Asks whether to discard what was entered in @parent.
 */
void
cf_discard_dialog_present (GtkWindow *parent,
                           GCallback  discard)
{
  AdwMessageDialog *dialog;
  Pending *pending = g_new0 (Pending, 1);

  pending->parent = g_object_ref (parent);
  pending->discard = (void (*) (GtkWindow *)) discard;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("Discard Changes?"),
                                                       _("What you entered here has not been saved "
                                                         "and will be lost.")));
  adw_message_dialog_add_responses (dialog,
                                    "keep", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "keep");
  adw_message_dialog_set_close_response (dialog, "keep");
  g_signal_connect_data (dialog, "response", G_CALLBACK (response_cb), pending, pending_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
