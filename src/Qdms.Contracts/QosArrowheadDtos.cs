namespace Qdms.Contracts;

// The JSON of the Arrowhead DeviceQoSEvaluator services under /deviceqosevaluator (Arrowhead 5.2 shapes; QDMS adds `scores`).

/// <summary><c>qualityevaluation/filter</c> and <c>/sort</c>: the providers (system names) and how to score them.</summary>
public sealed record QosEvaluationRequestDto(IReadOnlyList<string>? Providers, QosEvaluationConfigurationDto? Configuration);

/// <summary>
/// Metrics <c>GROUP_STAT</c>, one weight each (default equal; normalised to sum 1), the window in seconds (default
/// <c>evaluation.time.window</c>) and, for filter, the highest score that passes.
/// </summary>
public sealed record QosEvaluationConfigurationDto(IReadOnlyList<string>? MetricNames, IReadOnlyList<double>? MetricWeights, int? TimeWindow, double? Threshold);

/// <summary>One metric's part of a score: the value in percent (100 = worst), the normalised weight, their product.</summary>
/// <param name="Missing">No data in the window: the value is 100.</param>
public sealed record QosMetricScoreDto(string Metric, double Value, double Weight, double Contribution, bool Missing, int Batches);

/// <summary>A provider's score (0 best … 100 worst); <see cref="Known"/> is false when no device of the caller's tenant hosts it.</summary>
public sealed record QosProviderScoreDto(double Score, bool Known, IReadOnlyList<QosMetricScoreDto> Metrics);

/// <summary>The answer of <c>filter</c>: passed (score ≤ threshold) and dropped providers, groups without data, and every score.</summary>
public sealed record QosFilterResponseDto(
    IReadOnlyList<string> PassedProviders,
    IReadOnlyList<string> DroppedProviders,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Warnings,
    IReadOnlyDictionary<string, QosProviderScoreDto> Scores);

/// <summary>The answer of <c>sort</c>: providers best first, groups without data, and every score.</summary>
public sealed record QosSortResponseDto(
    IReadOnlyList<string> SortedProviders,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Warnings,
    IReadOnlyDictionary<string, QosProviderScoreDto> Scores);

/// <summary>Arrowhead's pagination: page from 0, size ≤ <c>max.page.size</c>, direction ASC/DESC, sortField timestamp or id.</summary>
public sealed record QosPaginationDto(int? Page, int? Size, string? Direction, string? SortField);

/// <summary><c>mgmt/query</c>: one metric group's measurements between two instants, optionally of some systems.</summary>
public sealed record QosQueryRequestDto(
    QosPaginationDto? Pagination,
    string? MetricGroup,
    DateTimeOffset? From,
    DateTimeOffset? To,
    IReadOnlyList<string>? Aggregation,
    IReadOnlyList<string>? SystemNames);

/// <summary>
/// One measurement: only the statistics asked for in <c>aggregation</c> are present. RTT records also carry loss %, jitter,
/// p95 and whether the batch failed (QDMS extras); <c>uuid</c> is the device's name-based UUID.
/// </summary>
public sealed record QosQueryRecordDto(
    string MetricGroup,
    long Id,
    DateTimeOffset Timestamp,
    Guid Uuid,
    double? Minimum,
    double? Maximum,
    double? Mean,
    double? Median,
    double? Current,
    double? LossPercent,
    double? Jitter,
    double? P95,
    bool? Failed,
    IReadOnlyList<string> Systems);

/// <summary>The answer of <c>mgmt/query</c>: a page of records and the total count.</summary>
public sealed record QosQueryResponseDto(IReadOnlyList<QosQueryRecordDto> Records, long Count);

/// <summary>The answer of <c>mgmt/reload</c>: devices and systems now measured, and those that left.</summary>
public sealed record QosReloadResponseDto(int DevicesFound, int SystemsFound, int DevicesRemoved, int SystemsRemoved);

/// <summary><c>general/mgmt/logs</c>: entries between two instants, at or above a severity, of loggers containing <c>loggerStr</c>.</summary>
public sealed record QosLogRequestDto(QosPaginationDto? Pagination, DateTimeOffset? From, DateTimeOffset? To, string? Severity, string? LoggerStr);

/// <summary>One log entry of the evaluator.</summary>
public sealed record QosLogEntryDto(long LogId, DateTimeOffset EntryDate, string Logger, string LogLevel, string Message, string? Exception);

/// <summary>The answer of <c>general/mgmt/logs</c>.</summary>
public sealed record QosLogResponseDto(IReadOnlyList<QosLogEntryDto> Entries, long Count);

/// <summary>The answer of <c>general/mgmt/get-config</c>: Arrowhead property name → value.</summary>
public sealed record QosConfigResponseDto(IReadOnlyDictionary<string, string> Map);

/// <summary>Arrowhead's error body.</summary>
/// <param name="ExceptionType">INVALID_PARAMETER, AUTH, FORBIDDEN, DATA_NOT_FOUND, INTERNAL_SERVER_ERROR …</param>
/// <param name="Origin">The operation that failed: <c>POST /deviceqosevaluator/qualityevaluation/sort</c>.</param>
public sealed record QosErrorDto(string ErrorMessage, int ErrorCode, string ExceptionType, string Origin);
