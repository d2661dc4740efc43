// The few functions of OpenSSL 3's libcrypto that Tuki calls: SHA-256 for the hash chain,
// AES-256-GCM for sealed personal data and HMAC for sign-in codes. Declared here rather than
// taken from <openssl/evp.h>, so that building Tuki needs no OpenSSL headers (libssl-dev): libcrypto.so.3 itself is on every
// Linux system Swift runs on (libcurl, which Foundation's networking uses, links it). These
// declarations are OpenSSL 3's stable public API, unchanged since 3.0.
#ifndef TUKI_COPENSSL_H
#define TUKI_COPENSSL_H

#include <stddef.h>

typedef struct evp_cipher_st EVP_CIPHER;
typedef struct evp_cipher_ctx_st EVP_CIPHER_CTX;
typedef struct ossl_lib_ctx_st OSSL_LIB_CTX;
typedef struct engine_st ENGINE;

// SHA-256 through its own context, kept on the caller's stack (openssl/sha.h's SHA256_CTX, whose
// layout is part of OpenSSL 3's ABI): the hash chain hashes one short message per event, and
// the EVP interface's allocation and dispatch per message made verifying a fifth slower.
typedef struct {
    unsigned int h[8];
    unsigned int Nl, Nh;
    unsigned int data[16];
    unsigned int num, md_len;
} TUKI_SHA256_CTX;
int SHA256_Init(TUKI_SHA256_CTX *c);
int SHA256_Update(TUKI_SHA256_CTX *c, const void *data, size_t len);
int SHA256_Final(unsigned char *md, TUKI_SHA256_CTX *c);

EVP_CIPHER *EVP_CIPHER_fetch(OSSL_LIB_CTX *ctx, const char *algorithm, const char *properties);
EVP_CIPHER_CTX *EVP_CIPHER_CTX_new(void);
void EVP_CIPHER_CTX_free(EVP_CIPHER_CTX *ctx);
int EVP_CIPHER_CTX_ctrl(EVP_CIPHER_CTX *ctx, int type, int arg, void *ptr);
int EVP_EncryptInit_ex(EVP_CIPHER_CTX *ctx, const EVP_CIPHER *type, ENGINE *impl, const unsigned char *key, const unsigned char *iv);
int EVP_EncryptUpdate(EVP_CIPHER_CTX *ctx, unsigned char *out, int *outl, const unsigned char *in, int inl);
int EVP_EncryptFinal_ex(EVP_CIPHER_CTX *ctx, unsigned char *out, int *outl);
int EVP_DecryptInit_ex(EVP_CIPHER_CTX *ctx, const EVP_CIPHER *type, ENGINE *impl, const unsigned char *key, const unsigned char *iv);
int EVP_DecryptUpdate(EVP_CIPHER_CTX *ctx, unsigned char *out, int *outl, const unsigned char *in, int inl);
int EVP_DecryptFinal_ex(EVP_CIPHER_CTX *ctx, unsigned char *outm, int *outl);
int RAND_bytes(unsigned char *buf, int num);

// HMAC in one call (openssl/hmac.h), for the server's one-time codes (RFC 6238 uses HMAC-SHA1).
typedef struct evp_md_st EVP_MD;
const EVP_MD *EVP_sha1(void);
const EVP_MD *EVP_sha256(void);
unsigned char *HMAC(const EVP_MD *evp_md, const void *key, int key_len, const unsigned char *data, size_t data_len,
                    unsigned char *md, unsigned int *md_len);

// EVP_CIPHER_CTX_ctrl's requests for GCM (openssl/evp.h).
#define TUKI_EVP_CTRL_GCM_SET_IVLEN 0x9
#define TUKI_EVP_CTRL_GCM_GET_TAG 0x10
#define TUKI_EVP_CTRL_GCM_SET_TAG 0x11

#endif
