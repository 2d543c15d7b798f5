"""Discoverable credentials (fido-clients.md §7.4, §8): order, overwrite, capacity, user fields, getNextAssertion."""

import pytest

from vaultlib import (ERR, credential_id_of, expect_ctap_error, make_credential, public_key_of, random_bytes,
                      user_entity)


def register(ctap2, rp_id, count, **kwargs):
    made = []
    for i in range(count):
        attestation, _, user = make_credential(ctap2, rp_id, rk=True,
                                               user=user_entity(random_bytes(16), "user%d" % i, "User %d" % i),
                                               **kwargs)
        made.append((credential_id_of(attestation), public_key_of(attestation), user))
    return made


def test_single_resident_credential_is_discoverable(ctap2, rp_id):
    [(credential_id, public_key, user)] = register(ctap2, rp_id, 1)
    cdh = random_bytes()
    assertion = ctap2.get_assertion(rp_id, cdh)
    assertion.verify(cdh, public_key)
    assert assertion.credential["id"] == credential_id
    assert assertion.user["id"] == user["id"]
    assert assertion.number_of_credentials in (None, 1)


def test_multiple_newest_first(ctap2, rp_id):
    made = register(ctap2, rp_id, 3)
    cdh = random_bytes()
    first = ctap2.get_assertion(rp_id, cdh)
    assert first.number_of_credentials == 3
    rest = [ctap2.get_next_assertion() for _ in range(2)]
    got = [a.credential["id"] for a in [first] + rest]
    assert got == [m[0] for m in reversed(made)]
    for assertion, (credential_id, public_key, user) in zip([first] + rest, reversed(made)):
        assertion.verify(cdh, public_key)
        assert assertion.user["id"] == user["id"]
    for assertion in rest:
        assert assertion.number_of_credentials is None


def test_get_next_assertion_past_the_end(ctap2, rp_id):
    register(ctap2, rp_id, 2)
    ctap2.get_assertion(rp_id, random_bytes())
    ctap2.get_next_assertion()
    expect_ctap_error(ERR.NOT_ALLOWED, ctap2.get_next_assertion)


def test_get_next_assertion_after_another_command(ctap2, rp_id):
    register(ctap2, rp_id, 2)
    ctap2.get_assertion(rp_id, random_bytes())
    ctap2.get_info()
    expect_ctap_error(ERR.NOT_ALLOWED, ctap2.get_next_assertion)


def test_user_is_id_only_without_uv(ctap2, rp_id):
    register(ctap2, rp_id, 2)
    first = ctap2.get_assertion(rp_id, random_bytes())
    assert set(first.user.keys()) == {"id"}
    assert set(ctap2.get_next_assertion().user.keys()) == {"id"}


def test_same_user_id_overwrites(ctap2, rp_id):
    user_id = random_bytes(16)
    first, _, _ = make_credential(ctap2, rp_id, rk=True, user=user_entity(user_id, "old"))
    second, _, _ = make_credential(ctap2, rp_id, rk=True, user=user_entity(user_id, "new"))
    cdh = random_bytes()
    assertion = ctap2.get_assertion(rp_id, cdh)
    assert assertion.number_of_credentials in (None, 1)
    assert assertion.credential["id"] == credential_id_of(second)
    assertion.verify(cdh, public_key_of(second))


def test_other_rp_credentials_are_not_returned(ctap2, rp_id):
    register(ctap2, "other-" + rp_id, 2)
    [(credential_id, _, _)] = register(ctap2, rp_id, 1)
    assertion = ctap2.get_assertion(rp_id, random_bytes())
    assert assertion.credential["id"] == credential_id
    assert assertion.number_of_credentials in (None, 1)


def test_non_resident_credential_is_not_discoverable(ctap2, rp_id):
    make_credential(ctap2, rp_id)
    expect_ctap_error(ERR.NO_CREDENTIALS, ctap2.get_assertion, rp_id, random_bytes())


@pytest.mark.slow
def test_at_least_19_per_rp(ctap2, rp_id):
    made = register(ctap2, rp_id, 20)
    first = ctap2.get_assertion(rp_id, random_bytes())
    assert first.number_of_credentials == 20
    ids = [first.credential["id"]] + [ctap2.get_next_assertion().credential["id"] for _ in range(19)]
    assert ids == [m[0] for m in reversed(made)]


def test_maximum_size_user_fields(ctap2, rp_id):
    user = {"id": b"\xff" * 64, "name": "n" * 64, "displayName": "d" * 64, "icon": "https://example.com/" + "i" * 108}
    attestation, _, _ = make_credential(ctap2, rp_id, rk=True, user=user)
    cdh = random_bytes()
    assertion = ctap2.get_assertion(rp_id, cdh)
    assertion.verify(cdh, public_key_of(attestation))
    assert assertion.user["id"] == user["id"]


def test_remaining_discoverable_credentials_decreases(ctap2, rp_id):
    before = ctap2.get_info().remaining_disc_creds
    register(ctap2, rp_id, 1)
    assert ctap2.get_info().remaining_disc_creds == before - 1


def test_resident_credentials_survive_power_cycle(shared_device, rp_id):
    from vaultlib import ctap2_for
    ctap2 = ctap2_for(shared_device)
    made = register(ctap2, rp_id, 2)
    ctap2.device.close()
    shared_device.restart()
    ctap2 = ctap2_for(shared_device)
    first = ctap2.get_assertion(rp_id, random_bytes())
    assert first.number_of_credentials == 2
    assert first.credential["id"] == made[1][0]
    ctap2.device.close()
