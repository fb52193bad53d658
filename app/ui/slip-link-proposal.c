/* slip-link-proposal.c: one proposal of the [[link]] and #tag completion
 *
 * Copyright 2026 The Slipbox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "slip-link-proposal.h"

struct _SlipLinkProposal
{
  GObject               parent_instance;

  SlipLinkProposalKind  kind;
  char                 *name;
  char                 *title;
  char                 *text;
  char                 *detail;
  char                 *query;
  guint                 journal : 1;
  guint                 alias : 1;
};

static char *
slip_link_proposal_get_typed_text (GtkSourceCompletionProposal *proposal)
{
  return g_strdup (SLIP_LINK_PROPOSAL (proposal)->name);
}

static void
proposal_iface_init (GtkSourceCompletionProposalInterface *iface)
{
  iface->get_typed_text = slip_link_proposal_get_typed_text;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (SlipLinkProposal, slip_link_proposal, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (GTK_SOURCE_TYPE_COMPLETION_PROPOSAL,
                                                      proposal_iface_init))

static void
slip_link_proposal_finalize (GObject *object)
{
  SlipLinkProposal *self = SLIP_LINK_PROPOSAL (object);

  g_free (self->name);
  g_free (self->title);
  g_free (self->text);
  g_free (self->detail);
  g_free (self->query);
  G_OBJECT_CLASS (slip_link_proposal_parent_class)->finalize (object);
}

static void
slip_link_proposal_class_init (SlipLinkProposalClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = slip_link_proposal_finalize;
}

static void
slip_link_proposal_init (SlipLinkProposal *self)
{
}

SlipLinkProposal *
slip_link_proposal_new (SlipLinkProposalKind  kind,
                        const char           *name,
                        const char           *title,
                        const char           *text)
{
  SlipLinkProposal *self = g_object_new (SLIP_TYPE_LINK_PROPOSAL, NULL);

  self->kind = kind;
  self->name = g_strdup (name);
  self->title = g_strdup (title);
  self->text = g_strdup (text);
  return self;
}

SlipLinkProposalKind
slip_link_proposal_get_kind (SlipLinkProposal *self)
{
  g_return_val_if_fail (SLIP_IS_LINK_PROPOSAL (self), SLIP_LINK_PROPOSAL_NOTE);
  return self->kind;
}

const char *
slip_link_proposal_get_name (SlipLinkProposal *self)
{
  g_return_val_if_fail (SLIP_IS_LINK_PROPOSAL (self), NULL);
  return self->name;
}

const char *
slip_link_proposal_get_title (SlipLinkProposal *self)
{
  g_return_val_if_fail (SLIP_IS_LINK_PROPOSAL (self), NULL);
  return self->title;
}

const char *
slip_link_proposal_get_text (SlipLinkProposal *self)
{
  g_return_val_if_fail (SLIP_IS_LINK_PROPOSAL (self), NULL);
  return self->text;
}

const char *
slip_link_proposal_get_detail (SlipLinkProposal *self)
{
  g_return_val_if_fail (SLIP_IS_LINK_PROPOSAL (self), NULL);
  return self->detail;
}

void
slip_link_proposal_set_detail (SlipLinkProposal *self,
                               const char       *detail)
{
  g_return_if_fail (SLIP_IS_LINK_PROPOSAL (self));
  g_free (self->detail);
  self->detail = g_strdup (detail);
}

const char *
slip_link_proposal_get_query (SlipLinkProposal *self)
{
  g_return_val_if_fail (SLIP_IS_LINK_PROPOSAL (self), NULL);
  return self->query;
}

void
slip_link_proposal_set_query (SlipLinkProposal *self,
                              const char       *query)
{
  g_return_if_fail (SLIP_IS_LINK_PROPOSAL (self));
  g_free (self->query);
  self->query = g_strdup (query);
}

gboolean
slip_link_proposal_get_journal (SlipLinkProposal *self)
{
  g_return_val_if_fail (SLIP_IS_LINK_PROPOSAL (self), FALSE);
  return self->journal;
}

void
slip_link_proposal_set_journal (SlipLinkProposal *self,
                                gboolean          journal)
{
  g_return_if_fail (SLIP_IS_LINK_PROPOSAL (self));
  self->journal = !!journal;
}

gboolean
slip_link_proposal_get_alias (SlipLinkProposal *self)
{
  g_return_val_if_fail (SLIP_IS_LINK_PROPOSAL (self), FALSE);
  return self->alias;
}

void
slip_link_proposal_set_alias (SlipLinkProposal *self,
                              gboolean          alias)
{
  g_return_if_fail (SLIP_IS_LINK_PROPOSAL (self));
  self->alias = !!alias;
}
