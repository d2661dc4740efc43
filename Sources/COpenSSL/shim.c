// A C target needs one source file; the functions are libcrypto's (include/COpenSSL.h).
