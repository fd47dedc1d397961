// The system's libcrypto (OpenSSL), used only for SHA-256 through its EVP digest interface.
#include <openssl/evp.h>
