/*
 * A CBOR-like byte parser. An encoder writes 20,000 LCG items of major types 0-5 (unsigned and negative integers,
 * byte and text strings, array and map heads) with the argument inline or in 1, 2 or 4 big-endian bytes; the
 * parser then reads the buffer 10 times, with the bounds checks a real parser makes (truncated heads, strings
 * running past the end, reserved additional information and major types 6/7 are errors). Containers are not
 * nested: a head only adds its element count. Each pass mixes its number into the integer sum so that no pass
 * repeats another. The checksum is the sum of the passes' results (0xffffffff if anything failed).
 */
#include "bench.h"

#define CBOR_ITEMS 20000u
#define CBOR_PASSES 10u
#define CBOR_CAPACITY (192u * 1024u)
#define CBOR_MAX_ITEM_BYTES 36u /* head byte + 4 argument bytes + a 31-byte string */
#define CBOR_SEED 0x4342u
#define CBOR_FAILED 0xffffffffu

static uint8_t cbor_buffer[CBOR_CAPACITY];

/* The argument masks by width: inline (< 24), 1, 2 and 4 bytes. */
static const uint32_t cbor_masks[4] = {0x0fu, 0xffu, 0xffffu, 0xffffffffu};

/* Encodes the items; returns the number of bytes written, or 0 if the buffer is too small. */
static uint32_t cbor_encode(uint8_t* buffer, uint32_t capacity)
{
    uint32_t seed = CBOR_SEED;
    uint32_t position = 0;
    for (uint32_t item = 0; item < CBOR_ITEMS; item++) {
        if (capacity - position < CBOR_MAX_ITEM_BYTES) return 0;
        uint32_t r = bench_lcg_next(&seed);
        uint32_t v = bench_lcg_next(&seed);
        uint32_t major = (((r >> 16) & 0xffu) * 6u) >> 8;
        uint32_t width = (r >> 8) & 3u;
        uint32_t argument;
        if (major <= 1) argument = v & cbor_masks[width];
        else if (major <= 3) argument = v & (width == 0 ? 0x0fu : 0x1fu);
        else argument = v & (width == 0 ? 0x0fu : 0xffu);

        buffer[position++] = (uint8_t)((major << 5) | (width == 0 ? argument : 23u + width));
        if (width == 1) {
            buffer[position++] = (uint8_t)argument;
        } else if (width == 2) {
            buffer[position++] = (uint8_t)(argument >> 8);
            buffer[position++] = (uint8_t)argument;
        } else if (width == 3) {
            buffer[position++] = (uint8_t)(argument >> 24);
            buffer[position++] = (uint8_t)(argument >> 16);
            buffer[position++] = (uint8_t)(argument >> 8);
            buffer[position++] = (uint8_t)argument;
        }

        if (major == 2 || major == 3) {
            for (uint32_t k = 0; k < argument; k++) buffer[position + k] = (uint8_t)((v >> 8) + k);
            position += argument;
        }
    }
    return position;
}

/* Parses the buffer; returns 0 and the pass's result, or -1 for malformed input. */
static int cbor_parse(const uint8_t* data, uint32_t length, uint32_t salt, uint32_t* result)
{
    uint32_t position = 0;
    uint32_t sum = 0, lengths = 0, text = 0, elements = 0;
    while (position < length) {
        uint32_t initial = data[position++];
        uint32_t major = initial >> 5;
        uint32_t info = initial & 0x1fu;
        uint32_t argument;
        if (info < 24) {
            argument = info;
        } else if (info == 24) {
            if (length - position < 1) return -1;
            argument = data[position];
            position += 1;
        } else if (info == 25) {
            if (length - position < 2) return -1;
            argument = ((uint32_t)data[position] << 8) | data[position + 1];
            position += 2;
        } else if (info == 26) {
            if (length - position < 4) return -1;
            argument = ((uint32_t)data[position] << 24) | ((uint32_t)data[position + 1] << 16) |
                       ((uint32_t)data[position + 2] << 8) | data[position + 3];
            position += 4;
        } else {
            return -1;
        }

        switch (major) {
        case 0:
            sum += argument ^ salt;
            break;
        case 1:
            sum += ~argument; /* the value is -1 - argument */
            break;
        case 2:
            if (argument > length - position) return -1;
            lengths += argument;
            position += argument;
            break;
        case 3:
            if (argument > length - position) return -1;
            for (uint32_t k = 0; k < argument; k++) text += data[position + k];
            lengths += argument;
            position += argument;
            break;
        case 4:
            elements += argument;
            break;
        case 5:
            elements += 2 * argument;
            break;
        default:
            return -1;
        }
    }

    *result = sum + lengths * 3u + text * 5u + elements * 7u;
    return 0;
}

uint32_t bench_cborparse(void)
{
    uint32_t length = cbor_encode(cbor_buffer, CBOR_CAPACITY);
    if (length == 0) return CBOR_FAILED;

    uint32_t checksum = 0;
    for (uint32_t pass = 0; pass < CBOR_PASSES; pass++) {
        uint32_t result;
        if (cbor_parse(cbor_buffer, length, pass, &result) != 0) return CBOR_FAILED;
        checksum += result;
    }
    return checksum;
}
