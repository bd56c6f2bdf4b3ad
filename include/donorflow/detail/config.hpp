// donorflow/detail/config.hpp: how the library is consumed.
//
// By default the non-template parts of donorflow are compiled once into the donorflow library
// (src/), and the headers only declare them. Define DONORFLOW_HEADER_ONLY before including any
// donorflow header to use the library without linking it: the implementations (*.ipp) are then
// included and marked inline.
#pragma once

#ifdef DONORFLOW_HEADER_ONLY
#define DONORFLOW_INLINE inline
#else
#define DONORFLOW_INLINE
#endif
