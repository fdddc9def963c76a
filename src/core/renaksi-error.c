/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "renaksi-error.h"

G_DEFINE_QUARK (renaksi-error-quark, renaksi_error)
