#include "handlecourier_p.h"

namespace qrs {

#ifndef Q_OS_WIN
HandleCourier *HandleCourier::forPlatform()
{
    return nullptr; // descriptors travel by SCM_RIGHTS
}
#endif

} // namespace qrs
