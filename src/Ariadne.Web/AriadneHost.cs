using System.Security.Cryptography.X509Certificates;
using Ariadne.Web.Data;
using Ariadne.Web.Features.Accounts;
using Ariadne.Web.Features.Audit;
using Ariadne.Web.Features.Exchange;
using Ariadne.Web.Features.Cases;
using Ariadne.Web.Features.Checks;
using Ariadne.Web.Features.Children;
using Ariadne.Web.Features.Consent;
using Ariadne.Web.Features.Demo;
using Ariadne.Web.Features.Indicators;
using Ariadne.Web.Features.InformationSheets;
using Ariadne.Web.Features.Intelligence;
using Ariadne.Web.Features.Jurisdiction;
using Ariadne.Web.Features.Operations;
using Ariadne.Web.Features.Organisations;
using Ariadne.Web.Features.Referrals;
using Ariadne.Web.Features.Safety;
using Ariadne.Web.Features.Screenings;
using Ariadne.Web.Features.Shared;
using Ariadne.Web.Features.Statistics;
using Ariadne.Web.Features.Support;
using Ariadne.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Ariadne.Web;

/// <summary>Builds the one Ariadne host: services, then the request pipeline.</summary>
public static class AriadneHost
{

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(DemoSwitch.Translate(args));
        builder.AddAriadne();
        var app = builder.Build();
        app.UseAriadne();
        return app;
    }

    public static void AddAriadne(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var services = builder.Services;

        if (string.Equals(configuration["Logging:Format"], "json", StringComparison.OrdinalIgnoreCase))
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(o => o.IncludeScopes = true);
        }

        var database = DatabaseOptions.FromConfiguration(configuration);
        services.AddSingleton(database);
        services.AddSingleton(TimeProvider.System);
        var demo = configuration.GetValue("Demo:Enabled", false);
        var chain = AuditChain.FromConfiguration(configuration, database.DataDirectory, demo);
        services.AddSingleton(chain);
        services.AddSingleton(sp => AuditCheckpoint.FromConfiguration(configuration, database.DataDirectory, chain,
            sp.GetRequiredService<ILogger<AuditCheckpoint>>()));
        services.AddSingleton<AuditCheckpoint.CommitInterceptor>();
        services.AddSingleton(sp => AccountStatusCache.FromConfiguration(configuration, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<AccountStatusCache.SaveInterceptor>();
        services.AddSingleton<Features.Intelligence.IntelligenceAudienceInterceptor>();
        services.AddSingleton<Features.Cases.CasePersonIndex>();
        services.AddSingleton<Features.Cases.CasePersonIndexInterceptor>();
        services.AddSingleton<Features.Checks.IntelligenceChangeInterceptor>();
        services.AddDbContext<AriadneDbContext>((sp, o) =>
        {
            database.Apply(o);
            o.AddInterceptors(sp.GetRequiredService<AuditCheckpoint.CommitInterceptor>(),
                sp.GetRequiredService<AccountStatusCache.SaveInterceptor>(),
                sp.GetRequiredService<Features.Intelligence.IntelligenceAudienceInterceptor>(),
                sp.GetRequiredService<Features.Cases.CasePersonIndexInterceptor>(),
                sp.GetRequiredService<Features.Checks.IntelligenceChangeInterceptor>());
        },
        // The options (provider, connection string, the singleton interceptors) are the same for every request:
        // built once, not again for each request's context (issue #9 item 17).
        optionsLifetime: ServiceLifetime.Singleton);
        services.AddSingleton<AuditWriter>();
        services.AddSingleton<AuditVerifier>();
        services.AddScoped<IAuditActor, HttpAuditActor>();
        services.AddScoped<AuditTrail>();
        services.AddScoped<ExpectedVersions>();
        services.AddScoped<Features.Shared.RenderedVersion>();
        services.AddExceptionHandler<Features.Shared.WriteConflictHandler>();
        services.AddHttpContextAccessor();

        var dataProtection = services.AddDataProtection()
            .SetApplicationName("Ariadne")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(database.DataDirectory, "keys")));
        // Production: the key files (which decrypt statements and shelter addresses) are themselves encrypted
        // with a certificate kept apart from the data directory (ADR 0006).
        if (configuration["DataProtection:CertificatePath"] is { Length: > 0 } certificatePath)
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(certificatePath, configuration["DataProtection:CertificatePassword"]);
            dataProtection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }

        services.AddIdentity<ApplicationUser, IdentityRole<Guid>>(o =>
            {
                // Length over composition rules (NIST SP 800-63B): long pass phrases, no forced symbols.
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = configuration.GetValue("Security:Lockout:MaxFailedAttempts", 5);
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(configuration.GetValue("Security:Lockout:Minutes", 15));
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<AriadneDbContext>()
            .AddSignInManager<AriadneSignInManager>()
            .AddClaimsPrincipalFactory<AriadneClaimsFactory>()
            .AddDefaultTokenProviders();

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Accounts/SignIn";
            o.LogoutPath = "/Accounts/SignOut";
            o.AccessDeniedPath = AccessRefusalAudit.AccessDeniedPath;
            o.Cookie.Name = "ariadne";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromMinutes(configuration.GetValue("Security:SessionMinutes", 60));
            o.SlidingExpiration = true;
        });

        // Pages use the Identity cookie; the API uses bearer tokens only, so a cookie can never be replayed
        // against the API by a cross-site form (ADR 0003).
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = "Ariadne";
                o.DefaultAuthenticateScheme = "Ariadne";
                o.DefaultChallengeScheme = "Ariadne";
                o.DefaultForbidScheme = "Ariadne";
            })
            .AddPolicyScheme("Ariadne", "Cookie for pages, bearer token for the API", o =>
                o.ForwardDefaultSelector = context => context.Request.IsApi()
                    ? IdentityConstants.BearerScheme
                    : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, o =>
                o.BearerTokenExpiration = TimeSpan.FromMinutes(configuration.GetValue("Security:TokenMinutes", 30)));

        services.AddAuthorizationBuilder().AddAriadnePolicies();
        services.AddSingleton<IAuthorizationHandler, OrganisationAuthorizationHandler>();
        services.AddSingleton<IAuthorizationHandler, Features.Cases.CaseAuthorizationHandler>();
        services.AddSingleton<IAuthorizationHandler, Features.Intelligence.IntelligenceAuthorizationHandler>();
        services.AddSingleton<IAuthorizationHandler, Features.Intelligence.SanitisedAuthorizationHandler>();
        services.AddSingleton(Features.Intelligence.IntelligenceSettings.FromConfiguration(configuration));
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler,
            ProblemDetailsAuthorizationResultHandler>();

        services.AddSingleton(SignInThrottle.FromConfiguration(configuration));

        // Arabic, Cyrillic or Vietnamese text is written as is, not as numeric entities.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddProblemDetails();
        // Binding failures throw in every environment, so that RequestBindingProblems answers them the same way.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<RequestBindingProblems>();
        services.AddOpenApi();
        services.AddRazorPages(o =>
        {
            o.Conventions.ConfigureFilter(new UnknownPageHandlerFilter());
            o.RootDirectory = "/Features";
            o.Conventions.AllowAnonymousToPage("/Accounts/SignIn");
            o.Conventions.AllowAnonymousToPage("/Accounts/TwoFactor");
            o.Conventions.AllowAnonymousToPage("/Accounts/Setup");
            o.Conventions.AllowAnonymousToPage("/Accounts/AccessDenied");
            o.Conventions.AllowAnonymousToPage("/Errors/Status");
        }).AddMvcOptions(o =>
        {
            o.Filters.Add(new Features.Shared.FormVersionFilter());
            o.Filters.Add(new Features.Shared.TextLimitPageFilter());
            o.ModelBinderProviders.Insert(0, new CheckboxBinderProvider());
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "ariadne-af";
            o.Cookie.SameSite = SameSiteMode.Strict;
        });

        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"])
            .AddCheck<Features.Checks.CheckIndexHealthCheck>("check-index", tags: ["ready"]);
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        });

        var catalogueDirectory = configuration["Catalogue:Directory"] is { Length: > 0 } dir
            ? Path.GetFullPath(dir)
            : Path.Combine(AppContext.BaseDirectory, "Catalogue");
        services.AddSingleton(IndicatorCatalogue.Load(Path.Combine(catalogueDirectory, "indicators")));
        services.AddSingleton(InformationSheetLibrary.Load(Path.Combine(catalogueDirectory, "information-sheets")));
        services.AddSingleton(new JurisdictionSettings(JurisdictionProfile.FromConfiguration(configuration)));
        // A snapshot per request: the administrator's change applies from the next request, never halfway through one.
        services.AddScoped(sp => sp.GetRequiredService<JurisdictionSettings>().Current);
        services.AddSingleton(AlertRule.FromConfiguration(configuration));
        services.AddSingleton(DraftRetention.FromConfiguration(configuration));
        services.AddScoped<ScreeningService>();
        services.AddScoped<ReferralService>();
        services.AddSingleton<CaseProtector>();
        services.AddSingleton<TextProtector>();
        services.AddScoped<CaseService>();
        services.AddScoped<PersonDuplicates>();
        services.AddScoped<Features.Intelligence.IntelligenceService>();
        services.AddScoped<Features.Intelligence.SanitisedService>();
        services.AddScoped<Features.Exchange.HtcdsExport>();
        services.AddScoped<Features.Exchange.CtdcExport>();
        services.AddScoped<Features.Exchange.CtdcImport>();
        services.AddScoped<Features.Exchange.CtdcReference>();
        services.AddScoped<Features.Exchange.IntelligenceExchange>();
        services.AddSingleton<Features.Exchange.CtdcImportJobs>();
        services.AddScoped<SupportWork>();
        services.AddScoped<ConsentWork>();
        services.AddScoped<ChildWork>();
        services.AddScoped<SafetyWork>();
        services.AddScoped<DraftPurge>();
        services.AddScoped<Features.Statistics.StatisticsService>();
        services.AddHostedService<DraftPurgeService>();

        services.AddSingleton<FirstAdministratorSetup>();
        services.AddScoped<DemoSeeder>();
        services.AddScoped<AccountAdministration>();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        services.AddSingleton(new DemoMode(demo));
        services.AddHostedService<DatabaseInitialiser>();
        // After the initialiser: the index loads from the migrated schema (issue 11 item 4).
        services.AddSingleton(Features.Checks.CheckSettings.FromConfiguration(configuration));
        services.AddSingleton<Features.Checks.CheckIndex>();
        services.AddScoped<Features.Checks.CheckService>();
        services.AddHostedService<Features.Checks.CheckIndexLoader>();
        services.AddHostedService<Features.Checks.CrossReferenceSchedule>();
    }

    public static void UseAriadne(this WebApplication app)
    {
        if (app.Configuration.GetValue("ReverseProxy:Enabled", false))
        {
            app.UseForwardedHeaders();
        }
        app.UseSecurityHeaders();
        app.UseWhen(c => c.Request.IsApi(), api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
        app.UseWhen(c => !c.Request.IsApi(), pages =>
        {
            // No query string here: a path with one matches no page, and the error would show as "not found".
            pages.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandlingPath = "/Errors/Status",
                // A post that lost a race on a page without its own handling: "changed by someone else", not a fault.
                StatusCodeSelector = e => WriteConflicts.Describe(e) is null ? StatusCodes.Status500InternalServerError : StatusCodes.Status409Conflict,
            });
            pages.UseStatusCodePagesWithReExecute("/Errors/Status", "?code={0}");
        });
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseActiveAccountCheck();
        app.UseAccessRefusalAudit();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains("ready"),
            ResultStatusCodes = { [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable },
        }).AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();

        var api = app.MapGroup("/api/v1").WithTextLimits();
        api.MapAccounts();
        api.MapOrganisations();
        api.MapUsers();
        api.MapAudit();
        api.MapIndicators();
        api.MapInformationSheets();
        api.MapScreenings();
        api.MapReferrals();
        api.MapCases();
        api.MapShelters();
        api.MapJurisdiction();
        api.MapIntelligence();
        api.MapSanitisedIntelligence();
        api.MapExchange();
        api.MapStatistics();
        api.MapChecks();

        app.MapRazorPages();
    }
}
