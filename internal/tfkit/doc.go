// Package tfkit is what every resource, data source and ephemeral resource of the provider
// shares: the configured client and settings the provider hands over (ProviderData), the
// one wording of API failures (AddAPIError), plan-time validators worded with the vendor's
// codes, and the conversions between Terraform values and the wire types. It imports no
// resource package and not the provider, so internal/room, internal/account and the provider
// all import it.
package tfkit
