-- Field packages carry a lease: a laptop refuses to open a package after it until it is renewed
-- online (tfeval field renew), which is refused for a revoked device. The expiry stays the
-- package's hard end.
ALTER TABLE field_device ADD COLUMN lease_until timestamptz;
UPDATE field_device SET lease_until = expires_at;
ALTER TABLE field_device ALTER COLUMN lease_until SET NOT NULL;
ALTER TABLE field_device ADD COLUMN lease_renewed_at timestamptz;
COMMENT ON COLUMN field_device.lease_until IS 'the lease in the package last written for the device (checkout or renewal)';
