/* The C ABI: the SDK for any language that can call C, and the surface the wasm module exports.
 *
 * Every function takes UTF-8 text as (pointer, length) and answers with the canonical JSON
 * envelope of include/storefront/codec/json_api.h as a NUL-terminated string that the caller
 * releases with sf_string_free. Nothing here throws, aborts on bad input, or keeps global state:
 * an engine may be used from many threads at once. */
#ifndef STOREFRONT_C_API_H_
#define STOREFRONT_C_API_H_

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Bumped whenever a signature or ownership rule below changes; loaders refuse a mismatch. */
#define SF_ABI_VERSION 1

typedef struct sf_engine sf_engine;

uint32_t sf_abi_version(void);

/* The SDK version, "major.minor.patch"; static storage, do not free. */
const char* sf_version(void);

/* Builds an engine from a snapshot document. `options` is a JSON object of host limits
 * ({"max_snapshot_bytes": ...}) or empty. On success *out_engine is set and the envelope's value
 * describes the snapshot; on failure *out_engine is NULL. */
char* sf_engine_create(const char* snapshot, size_t snapshot_len, const char* options, size_t options_len,
                       sf_engine** out_engine);

/* Prices one cart request document. */
char* sf_engine_price(const sf_engine* engine, const char* cart, size_t cart_len);

/* The envelope describing the engine's snapshot (counts, content hash). */
char* sf_engine_describe(const sf_engine* engine);

void sf_engine_destroy(sf_engine* engine);

/* Runs a named operation of tests/vectors/README.md ("money.allocate", "cart.price", ...). */
char* sf_call(const char* op, size_t op_len, const char* input, size_t input_len);

void sf_string_free(char* text);

#ifdef __cplusplus
}
#endif

#endif /* STOREFRONT_C_API_H_ */
