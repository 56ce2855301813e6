/* The C ABI from plain C (C11): proves include/storefront/c_api.h is a C header and that the
 * create / price / describe / call / free cycle works without any C++ on the caller's side.
 * Usage: price_from_c SNAPSHOT_FILE CART_FILE  (prints the priced envelope; exit 0 when ok) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "storefront/c_api.h"

static char* read_file(const char* path, size_t* size) {
  FILE* file = fopen(path, "rb");
  if (file == NULL) return NULL;
  fseek(file, 0, SEEK_END);
  long length = ftell(file);
  fseek(file, 0, SEEK_SET);
  char* text = length >= 0 ? malloc((size_t)length + 1) : NULL;
  if (text != NULL && fread(text, 1, (size_t)length, file) != (size_t)length) {
    free(text);
    text = NULL;
  }
  fclose(file);
  if (text != NULL) {
    text[length] = '\0';
    *size = (size_t)length;
  }
  return text;
}

static int starts_with(const char* text, const char* prefix) { return strncmp(text, prefix, strlen(prefix)) == 0; }

int main(int argc, char** argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: %s SNAPSHOT_FILE CART_FILE\n", argv[0]);
    return 2;
  }
  if (sf_abi_version() != SF_ABI_VERSION) return 1;
  size_t snapshot_size = 0, cart_size = 0;
  char* snapshot = read_file(argv[1], &snapshot_size);
  char* cart = read_file(argv[2], &cart_size);
  if (snapshot == NULL || cart == NULL) return 2;

  sf_engine* engine = NULL;
  char* created = sf_engine_create(snapshot, snapshot_size, NULL, 0, &engine);
  int ok = engine != NULL && starts_with(created, "{\"ok\":true");
  sf_string_free(created);
  if (ok) {
    char* priced = sf_engine_price(engine, cart, cart_size);
    printf("%s\n", priced);
    ok = starts_with(priced, "{\"ok\":true");
    sf_string_free(priced);
    sf_engine_destroy(engine);
  }
  /* An operation, and a rejected input: errors are envelopes, never crashes. */
  const char op[] = "money.allocate";
  const char input[] = "{\"amount\":\"0.05\",\"currency\":\"EUR\",\"weights\":[1,1]}";
  char* allocated = sf_call(op, strlen(op), input, strlen(input));
  ok = ok && strcmp(allocated, "{\"ok\":true,\"value\":{\"amounts\":[\"0.03\",\"0.02\"],\"currency\":\"EUR\"}}") == 0;
  sf_string_free(allocated);
  char* rejected = sf_engine_create("{", 1, NULL, 0, &engine);
  ok = ok && engine == NULL && starts_with(rejected, "{\"error\":{\"code\":\"json_syntax\"");
  sf_string_free(rejected);

  free(snapshot);
  free(cart);
  return ok ? 0 : 1;
}
