#pragma once

#include <QtGlobal>

#if defined(QRS_BUILDING_LIBRARY)
#define QRS_EXPORT Q_DECL_EXPORT
#else
#define QRS_EXPORT Q_DECL_IMPORT
#endif

#define QRS_VERSION_STR "0.2.0"
