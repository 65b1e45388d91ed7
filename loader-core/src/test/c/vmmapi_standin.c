/*
 * A stand-in libvmmapi for jgrub's tests (BhyveBackendTest): the functions jgrub's bhyve
 * backend calls, with FreeBSD's signatures in two generations chosen at compile time:
 *
 *   gcc -shared -fPIC -DVMMAPI_VERSION=0103 -o libvmmapi.so vmmapi_standin.c   (FreeBSD 13)
 *   gcc -shared -fPIC -DVMMAPI_VERSION=0200 -o libvmmapi.so vmmapi_standin.c   (FreeBSD 14+)
 *
 * -DSTANDIN_NO_MAP_GPA leaves vm_map_gpa out (a library lacking a symbol).
 *
 * Environment, read on every call:
 *   VMMAPI_STANDIN_DIR   (required) where calls.log, guest-ram.img and the VM markers live
 *   VMMAPI_STANDIN_FAIL  "func:ERR[,func:ERR...]": make func fail with errno ERR (EEXIST, ENOMEM,
 *                        EINVAL, ENOENT, EPERM, ENODEV) or, for pointer results, "NULL"
 *   VMMAPI_STANDIN_LOWMEM_LIMIT  the lowmem limit vm_open sets (default 3 GiB, as FreeBSD)
 *
 * A VM "exists" while VMMAPI_STANDIN_DIR/vm-NAME does; it holds the memory size set up (0 =
 * none), so vm_setup_memory of another size fails with EINVAL as vm_alloc_memseg does.
 * Guest RAM is guest-ram.img mapped MAP_SHARED: low RAM at offset 0, high RAM straight after it
 * (jgrub's MemoryLayout.fileOffset), and vm_map_gpa returns non-NULL only inside
 * [0, lowmem) and [4 GiB, 4 GiB + highmem), as FreeBSD's does.
 * Every call is appended to VMMAPI_STANDIN_DIR/calls.log as one line: the name and its arguments
 * (vCPU as its number, registers/capabilities in decimal, values in hex).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef VMMAPI_VERSION
#error "compile with -DVMMAPI_VERSION=0103 or -DVMMAPI_VERSION=0200"
#endif

#define GB (1024UL * 1024UL * 1024UL)
#define VM_MMAP_ALL 1
#define NCAPS 16

struct vmctx {
	char name[256];
	uint32_t lowmem_limit;
	int memflags;
	char *base;
	size_t memsize, lowmem, highmem;
	int caps[NCAPS];
};

#if VMMAPI_VERSION >= 0200
struct vcpu {
	struct vmctx *ctx;
	int id;
};
#endif

static const char *dir(void)
{
	const char *d = getenv("VMMAPI_STANDIN_DIR");
	return d != NULL ? d : ".";
}

static void path(char *buf, size_t len, const char *leaf)
{
	snprintf(buf, len, "%s/%s", dir(), leaf);
}

static void logcall(const char *fmt, ...)
{
	char p[4096];
	path(p, sizeof(p), "calls.log");
	FILE *f = fopen(p, "a");
	if (f == NULL)
		return;
	va_list ap;
	va_start(ap, fmt);
	vfprintf(f, fmt, ap);
	va_end(ap);
	fputc('\n', f);
	fclose(f);
}

/* The errno VMMAPI_STANDIN_FAIL asks func to fail with, -1 for "NULL", 0 for none. */
static int injected(const char *func)
{
	const char *spec = getenv("VMMAPI_STANDIN_FAIL");
	if (spec == NULL)
		return 0;
	size_t n = strlen(func);
	for (const char *p = spec; *p != '\0';) {
		const char *end = strchr(p, ',');
		size_t len = end != NULL ? (size_t)(end - p) : strlen(p);
		if (len > n && strncmp(p, func, n) == 0 && p[n] == ':') {
			const char *e = p + n + 1;
			size_t el = len - n - 1;
#define IS(s) (el == strlen(s) && strncmp(e, s, el) == 0)
			if (IS("EEXIST")) return EEXIST;
			if (IS("ENOMEM")) return ENOMEM;
			if (IS("EINVAL")) return EINVAL;
			if (IS("ENOENT")) return ENOENT;
			if (IS("EPERM")) return EPERM;
			if (IS("ENODEV")) return ENODEV;
			if (IS("NULL")) return -1;
#undef IS
			return EIO;
		}
		if (end == NULL)
			break;
		p = end + 1;
	}
	return 0;
}

#define FAIL_INT(func) do { int e_ = injected(func); if (e_ != 0) { errno = e_ > 0 ? e_ : EIO; return -1; } } while (0)
#define FAIL_PTR(func) do { int e_ = injected(func); if (e_ != 0) { errno = e_ > 0 ? e_ : EIO; return NULL; } } while (0)

static void marker(char *buf, size_t len, const char *name)
{
	char leaf[300];
	snprintf(leaf, sizeof(leaf), "vm-%s", name);
	path(buf, len, leaf);
}

int vm_create(const char *name)
{
	logcall("vm_create %s", name);
	FAIL_INT("vm_create");
	char m[4096];
	marker(m, sizeof(m), name);
	int fd = open(m, O_WRONLY | O_CREAT | O_EXCL, 0644);
	if (fd < 0)
		return -1; /* EEXIST when the VM exists */
	if (write(fd, "0\n", 2) != 2) {
		close(fd);
		return -1;
	}
	close(fd);
	return 0;
}

struct vmctx *vm_open(const char *name)
{
	logcall("vm_open %s", name);
	FAIL_PTR("vm_open");
	char m[4096];
	marker(m, sizeof(m), name);
	if (access(m, F_OK) != 0) {
		errno = ENOENT;
		return NULL;
	}
	struct vmctx *ctx = calloc(1, sizeof(*ctx));
	snprintf(ctx->name, sizeof(ctx->name), "%s", name);
	const char *limit = getenv("VMMAPI_STANDIN_LOWMEM_LIMIT");
	ctx->lowmem_limit = limit != NULL ? (uint32_t)strtoul(limit, NULL, 0) : (uint32_t)(3 * GB);
	return ctx;
}

int vm_reinit(struct vmctx *ctx)
{
	logcall("vm_reinit %s", ctx->name);
	FAIL_INT("vm_reinit");
	memset(ctx->caps, 0, sizeof(ctx->caps));
	return 0;
}

static void unmap(struct vmctx *ctx)
{
	if (ctx->base != NULL)
		munmap(ctx->base, ctx->memsize);
	ctx->base = NULL;
}

void vm_destroy(struct vmctx *ctx)
{
	logcall("vm_destroy %s", ctx->name);
	char m[4096];
	marker(m, sizeof(m), ctx->name);
	unlink(m);
	unmap(ctx);
	free(ctx);
}

void vm_close(struct vmctx *ctx)
{
	logcall("vm_close %s", ctx->name);
	unmap(ctx);
	free(ctx);
}

void vm_set_memflags(struct vmctx *ctx, int flags)
{
	logcall("vm_set_memflags 0x%x", flags);
	ctx->memflags = flags;
}

int vm_setup_memory(struct vmctx *ctx, size_t len, int style)
{
	logcall("vm_setup_memory 0x%zx %d", len, style);
	FAIL_INT("vm_setup_memory");
	if (style != VM_MMAP_ALL || len == 0) {
		errno = EINVAL;
		return -1;
	}
	char m[4096];
	marker(m, sizeof(m), ctx->name);
	FILE *f = fopen(m, "r+");
	if (f == NULL)
		return -1;
	unsigned long long had = 0;
	if (fscanf(f, "%llu", &had) != 1)
		had = 0;
	if (had != 0 && had != len) {
		fclose(f); /* vm_alloc_memseg: an existing segment of another length */
		errno = EINVAL;
		return -1;
	}
	rewind(f);
	fprintf(f, "%zu\n", len);
	fclose(f);

	char p[4096];
	path(p, sizeof(p), "guest-ram.img");
	int fd = open(p, O_RDWR | O_CREAT, 0644);
	if (fd < 0)
		return -1;
	if (ftruncate(fd, (off_t)len) != 0) {
		close(fd);
		return -1;
	}
	void *base = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	close(fd);
	if (base == MAP_FAILED)
		return -1;
	unmap(ctx);
	ctx->base = base;
	ctx->memsize = len;
	ctx->lowmem = len < ctx->lowmem_limit ? len : ctx->lowmem_limit;
	ctx->highmem = len - ctx->lowmem;
	return 0;
}

uint32_t vm_get_lowmem_limit(struct vmctx *ctx)
{
	logcall("vm_get_lowmem_limit 0x%x", ctx->lowmem_limit);
	return ctx->lowmem_limit;
}

#ifndef STANDIN_NO_MAP_GPA
void *vm_map_gpa(struct vmctx *ctx, uint64_t gaddr, size_t len)
{
	logcall("vm_map_gpa 0x%llx 0x%zx", (unsigned long long)gaddr, len);
	FAIL_PTR("vm_map_gpa");
	if (ctx->base == NULL)
		return NULL;
	if (gaddr < ctx->lowmem && len <= ctx->lowmem && gaddr + len <= ctx->lowmem)
		return ctx->base + gaddr;
	if (ctx->highmem > 0 && gaddr >= 4 * GB && gaddr < 4 * GB + ctx->highmem &&
	    len <= ctx->highmem && gaddr + len <= 4 * GB + ctx->highmem)
		return ctx->base + ctx->lowmem + (gaddr - 4 * GB);
	return NULL;
}
#endif

static int set_register(struct vmctx *ctx, int vcpu, int reg, uint64_t val)
{
	(void)ctx;
	logcall("vm_set_register %d %d 0x%llx", vcpu, reg, (unsigned long long)val);
	FAIL_INT("vm_set_register");
	if (reg < 0 || reg >= 49) {
		errno = EINVAL;
		return -1;
	}
	return 0;
}

static int set_desc(struct vmctx *ctx, int vcpu, int reg, uint64_t base, uint32_t limit, uint32_t access)
{
	(void)ctx;
	logcall("vm_set_desc %d %d 0x%llx 0x%x 0x%x", vcpu, reg, (unsigned long long)base, limit, access);
	FAIL_INT("vm_set_desc");
	return 0;
}

static int get_capability(struct vmctx *ctx, int vcpu, int cap, int *retval)
{
	logcall("vm_get_capability %d %d", vcpu, cap);
	FAIL_INT("vm_get_capability");
	if (cap < 0 || cap >= NCAPS) {
		errno = EINVAL;
		return -1;
	}
	*retval = ctx->caps[cap];
	return 0;
}

static int set_capability(struct vmctx *ctx, int vcpu, int cap, int val)
{
	logcall("vm_set_capability %d %d %d", vcpu, cap, val);
	FAIL_INT("vm_set_capability");
	if (cap < 0 || cap >= NCAPS) {
		errno = EINVAL;
		return -1;
	}
	ctx->caps[cap] = val;
	return 0;
}

#if VMMAPI_VERSION >= 0200
struct vcpu *vm_vcpu_open(struct vmctx *ctx, int vcpuid)
{
	logcall("vm_vcpu_open %d", vcpuid);
	FAIL_PTR("vm_vcpu_open");
	struct vcpu *v = calloc(1, sizeof(*v));
	v->ctx = ctx;
	v->id = vcpuid;
	return v;
}

int vm_set_register(struct vcpu *v, int reg, uint64_t val)
{
	return set_register(v->ctx, v->id, reg, val);
}

int vm_set_desc(struct vcpu *v, int reg, uint64_t base, uint32_t limit, uint32_t access)
{
	return set_desc(v->ctx, v->id, reg, base, limit, access);
}

int vm_get_capability(struct vcpu *v, int cap, int *retval)
{
	return get_capability(v->ctx, v->id, cap, retval);
}

int vm_set_capability(struct vcpu *v, int cap, int val)
{
	return set_capability(v->ctx, v->id, cap, val);
}
#else
int vm_set_register(struct vmctx *ctx, int vcpu, int reg, uint64_t val)
{
	return set_register(ctx, vcpu, reg, val);
}

int vm_set_desc(struct vmctx *ctx, int vcpu, int reg, uint64_t base, uint32_t limit, uint32_t access)
{
	return set_desc(ctx, vcpu, reg, base, limit, access);
}

int vm_get_capability(struct vmctx *ctx, int vcpu, int cap, int *retval)
{
	return get_capability(ctx, vcpu, cap, retval);
}

int vm_set_capability(struct vmctx *ctx, int vcpu, int cap, int val)
{
	return set_capability(ctx, vcpu, cap, val);
}
#endif
