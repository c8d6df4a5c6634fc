package tfkit

// Environment variables the provider configuration falls back to.
const (
	EnvSDKAppID          = "TENCENTLIVE_SDK_APP_ID"
	EnvSecretKey         = "TENCENTLIVE_SECRET_KEY"
	EnvIdentifier        = "TENCENTLIVE_IDENTIFIER"
	EnvRegion            = "TENCENTLIVE_REGION"
	EnvEndpoint          = "TENCENTLIVE_ENDPOINT"
	EnvMaxRetries        = "TENCENTLIVE_MAX_RETRIES"
	EnvRequestsPerSecond = "TENCENTLIVE_REQUESTS_PER_SECOND"
	EnvPlanChecks        = "TENCENTLIVE_PLAN_CHECKS"
	EnvAdoptExisting     = "TENCENTLIVE_ADOPT_EXISTING_ROOMS"
	EnvInsecureHTTP      = "TENCENTLIVE_INSECURE_HTTP_ENDPOINT"
	EnvCACertFile        = "TENCENTLIVE_CA_CERT_FILE"
	EnvGiftQuota         = "TENCENTLIVE_GIFT_QUOTA"
	EnvCategoryQuota     = "TENCENTLIVE_CATEGORY_QUOTA"
	EnvSharedGiftBudget  = "TENCENTLIVE_SHARED_GIFT_RATE_BUDGET"
)
