#!/usr/bin/env bash
# Deploys ServiceNowAlert in the documented order with the AWS CLI (v2), jq and bash 4 or later:
#   package.sh -> S3Callee -> upload alerting zip -> Callee -> then for each caller account, in the order given:
#   S3Caller -> upload invoker zip -> Caller
# Each function is built for the Architecture its stack's parameter files ask for (x86_64 when they name none):
# artifacts/<function>.zip under <function>/<sha256>.zip, or artifacts/<function>-arm64.zip under
# <function>/arm64/<sha256>.zip.
# Account A (callee) and each caller (producer) account have their own CLI profile; stack parameters come from
# cloudformation/params/*.json (create-stack JSON form), for a caller overlaid by s3-caller.<profile>.json and
# caller.<profile>.json when present, plus the outputs of the stacks before them.
# --dry-run prints every AWS CLI call it would make and calls nothing. Re-running with unchanged code and
# parameters changes nothing: zips live under content-addressed keys and empty change sets are not errors.
# The values of the templates' NoEcho parameters are passed to aws but printed as ****.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: cloudformation/deploy.sh --callee-profile PROFILE --caller-profile PROFILE [--caller-profile PROFILE ...]
                                --callee-region REGION --caller-region REGION
                                [--params-dir DIR] [--artifacts-dir DIR] [--endpoint-url URL]
                                [--skip-build] [--first-install] [--dry-run]

  --callee-profile   AWS CLI profile for Account A (stacks S3Callee and Callee)
  --caller-profile   AWS CLI profile for a caller account (stacks S3Caller and Caller); repeat it for
                     several accounts, deployed one after another in the order given, after Callee
  --callee-region    region of Account A's stacks; --caller-region: region of every caller's stacks
  --params-dir       parameter files s3-callee.json, callee.json, s3-caller.json, caller.json
                     (default: cloudformation/params); a caller's s3-caller.<profile>.json and
                     caller.<profile>.json, when present, override entries of the shared files (each
                     account needs its own artifact BucketName, so with several callers give
                     s3-caller.<profile>.json)
  --artifacts-dir    where package.sh writes alerting.zip and invoker.zip, and alerting-arm64.zip and
                     invoker-arm64.zip for a stack whose Architecture is arm64 (default: artifacts)
  --endpoint-url     send every AWS call to URL (a local AWS emulator, for example); without it,
                     AWS_ENDPOINT_URL_<SERVICE> or AWS_ENDPOINT_URL, as the AWS CLI reads them
  --skip-build       use the existing zips instead of running ./package.sh
  --first-install    the invoker roles do not exist yet: deploy Callee without the cross-account
                     role, then add it once every Caller has created its invoker role; refused
                     when stack Callee already has that role
  --dry-run          print every command (NoEcho values as ****), call nothing; needs no AWS CLI
EOF
}

die() { echo "deploy.sh: $*" >&2; exit 2; }

cd "$(dirname "$0")/.."

callee_profile="" callee_region="" caller_region=""
caller_profiles=()
params_dir="cloudformation/params" artifacts_dir="artifacts" endpoint_url=""
dry_run=false skip_build=false first_install=false
while [ $# -gt 0 ]; do
  case "$1" in
    --callee-profile) callee_profile="${2:?}"; shift 2 ;;
    --caller-profile) caller_profiles+=("${2:?}"); shift 2 ;;
    --callee-region) callee_region="${2:?}"; shift 2 ;;
    --caller-region) caller_region="${2:?}"; shift 2 ;;
    --params-dir) params_dir="${2:?}"; shift 2 ;;
    --artifacts-dir) artifacts_dir="${2:?}"; shift 2 ;;
    --endpoint-url) endpoint_url="${2:?}"; shift 2 ;;
    --skip-build) skip_build=true; shift ;;
    --first-install) first_install=true; shift ;;
    --dry-run) dry_run=true; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument: $1" ;;
  esac
done
if [ -z "$callee_profile" ] || [ "${#caller_profiles[@]}" -eq 0 ]; then
  usage >&2
  die "both --callee-profile and --caller-profile are required"
fi
declare -A seen_profiles=()
for profile in "${caller_profiles[@]}"; do
  [[ "$profile" =~ ^[A-Za-z0-9_.@+-]+$ ]] || die "read arguments: --caller-profile '$profile' is not a profile name"
  [ -z "${seen_profiles[$profile]:-}" ] || die "read arguments: --caller-profile $profile is given twice"
  seen_profiles["$profile"]=1
done
if [ -z "$callee_region" ] || [ -z "$caller_region" ]; then
  usage >&2
  die "both --callee-region and --caller-region are required"
fi
for file in s3-callee.json callee.json s3-caller.json caller.json; do
  [ -f "$params_dir/$file" ] || die "read parameters: $params_dir/$file not found"
done
command -v jq >/dev/null || die "read parameters: jq is required"


# Checks before any call that aws is the CLI version 2 the commands below are written for.
check_aws_cli() {
  local version
  command -v aws >/dev/null || die "check AWS CLI: aws not found; install AWS CLI version 2"
  version="$(aws --version 2>&1 | head -n 1)" || true
  [[ "$version" == aws-cli/2.* ]] || die "check AWS CLI: version 2 required, found '${version:-nothing}'"
}

# The names of the NoEcho parameters of the given templates (top-level Parameters, two-space indentation).
no_echo_parameters() {
  awk '
    /^[^ #]/ { in_parameters = ($0 ~ /^Parameters:/) }
    in_parameters && /^  [A-Za-z0-9]+:[[:space:]]*$/ { name = $1; sub(/:$/, "", name) }
    in_parameters && /^    NoEcho:/ && tolower($0) ~ /^    noecho:[[:space:]]*["\047]?true["\047]?[[:space:]]*$/ { print name }
  ' "$@"
}

declare -A secret_parameters=()
for name in $(no_echo_parameters cloudformation/*.yaml); do
  secret_parameters["$name"]=1
done

# The endpoint for one AWS CLI service, by the CLI's precedence: --endpoint-url, then (unless
# AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true) AWS_ENDPOINT_URL_<SERVICE>, then AWS_ENDPOINT_URL. Empty: AWS's own.
endpoint_for() {
  local service="${1^^}"
  [ "$service" != S3API ] || service=S3
  if [ -n "$endpoint_url" ]; then
    echo "$endpoint_url"
  elif [ "${AWS_IGNORE_CONFIGURED_ENDPOINT_URLS:-}" != true ]; then
    local specific="AWS_ENDPOINT_URL_$service"
    echo "${!specific:-${AWS_ENDPOINT_URL:-}}"
  fi
}

# Sets cmd to "aws SERVICE OPERATION [--endpoint-url URL] ARGS...": every AWS call is built here.
aws_cmd() {
  local endpoint
  endpoint="$(endpoint_for "$1")"
  cmd=(aws "$1" "$2")
  if [ -n "$endpoint" ]; then
    cmd+=(--endpoint-url "$endpoint")
  fi
  cmd+=("${@:3}")
}

# Commands go to fd 3 (the real stdout) so they still show when printed inside $(...).
exec 3>&1

# Prints a command so it can be pasted into a shell: plain words as they are, others in single quotes,
# and the value of a NoEcho parameter (Name=value) as ****.
show() {
  local line="+" arg
  for arg in "$@"; do
    if [[ "$arg" =~ ^([A-Za-z0-9]+)=.+$ && -n "${secret_parameters[${BASH_REMATCH[1]}]:-}" ]]; then
      arg="${BASH_REMATCH[1]}=****"
    fi
    if [[ -n "$arg" && "$arg" =~ ^[A-Za-z0-9_./:=,@%+-]+$ ]]; then
      line+=" $arg"
    else
      line+=" '${arg//\'/\'\\\'\'}'"
    fi
  done
  printf '%s\n' "$line" >&3
}

# Prints a command, then runs it unless this is a dry run.
run() {
  show "$@"
  if [ "$dry_run" = false ]; then
    "$@"
  fi
}

# Key=Value lines from create-stack style parameter files; a later file's entry replaces an earlier one's in place.
parameters_of() {
  jq -rs 'map(.[]) | reduce .[] as $p ({}; .[$p.ParameterKey] = $p.ParameterValue) | to_entries[] | "\(.key)=\(.value)"' "$@"
}

# The parameter files of a caller's stack: the shared one, then the profile's own when it exists.
caller_files() {
  local name="$1" profile="$2"
  echo "$params_dir/$name.json"
  if [ -f "$params_dir/$name.$profile.json" ]; then
    echo "$params_dir/$name.$profile.json"
  fi
}

# deploy_stack PROFILE REGION STACK TEMPLATE PARAMETER_FILE... -- KEY=VALUE...
deploy_stack() {
  local profile="$1" region="$2" stack="$3" template="$4"
  shift 4
  local files=()
  while [ "$1" != -- ]; do files+=("$1"); shift; done
  shift
  local overrides=()
  mapfile -t overrides < <(parameters_of "${files[@]}")
  overrides+=("$@")
  local cmd
  aws_cmd cloudformation deploy --profile "$profile" --region "$region" \
    --stack-name "$stack" --template-file "cloudformation/$template" \
    --parameter-overrides "${overrides[@]}" \
    --capabilities CAPABILITY_NAMED_IAM --no-fail-on-empty-changeset
  run "${cmd[@]}"
}

stack_output() {
  local profile="$1" region="$2" stack="$3" key="$4"
  local cmd
  aws_cmd cloudformation describe-stacks --profile "$profile" --region "$region" \
    --stack-name "$stack" --query "Stacks[0].Outputs[?OutputKey=='$key'].OutputValue" --output text
  show "${cmd[@]}"
  if [ "$dry_run" = true ]; then
    echo "<output:$stack.$key>"
    return
  fi
  local value
  value="$("${cmd[@]}")"
  if [ -z "$value" ] || [ "$value" = "None" ]; then
    die "read output: stack $stack has no output $key"
  fi
  echo "$value"
}

# --first-install deploys Callee without the cross-account role: on an install that has the role, that would
# delete it (and with it every invocation) until the last step. A Callee left without it by an interrupted
# first install may go on.
check_first_install() {
  local profile="$1" region="$2" cmd output
  aws_cmd cloudformation describe-stacks --profile "$profile" --region "$region" --stack-name Callee \
    --query "Stacks[0].Parameters[?ParameterKey=='CreateCrossAccountRole'].ParameterValue" --output text
  show "${cmd[@]}"
  if [ "$dry_run" = true ]; then
    echo "# --first-install stops here unless stack Callee is missing or has CreateCrossAccountRole=false" >&3
    return
  fi
  if ! output="$("${cmd[@]}" 2>&1)"; then
    [[ "$output" == *"Stack with id Callee does not exist"* ]] || die "check first install: describe stack Callee: $output"
  elif [ "$output" != false ]; then
    die "check first install: stack Callee already has the cross-account role; deploy without --first-install"
  fi
}

# sha256 of stdin as hex (sha256sum on Linux, shasum on macOS).
sha256_hex() {
  if command -v sha256sum >/dev/null; then sha256sum; else shasum -a 256; fi | cut -d' ' -f1
}

sha256_of() {
  if [ -f "$1" ]; then
    sha256_hex <"$1"
  elif [ "$dry_run" = true ]; then
    echo "<sha256-of-$1>"
  else
    die "hash artifact: $1 not found (run ./package.sh or drop --skip-build)"
  fi
}

# sha256 of everything that shapes a function version: release_id PARAMETER_FILE... -- FORWARDED_VALUE...
release_id() {
  local files=()
  while [ "$1" != -- ]; do files+=("$1"); shift; done
  shift
  { cat "${files[@]}"; printf '%s\n' "$@"; } | sha256_hex
}

# Uploads a zip under its content-addressed key unless that key already exists.
upload_artifact() {
  local profile="$1" region="$2" bucket="$3" key_arn="$4" file="$5" key="$6"
  local cmd cp head error
  aws_cmd s3 cp "$file" "s3://$bucket/$key" --profile "$profile" --region "$region" \
    --sse aws:kms --sse-kms-key-id "$key_arn"
  cp=("${cmd[@]}")
  aws_cmd s3api head-object --profile "$profile" --region "$region" --bucket "$bucket" --key "$key"
  head=("${cmd[@]}")
  show "${head[@]}"
  if [ "$dry_run" = true ]; then
    echo "# only if head-object answers 404 (Not Found); any other error stops the deployment:" >&3
    show "${cp[@]}"
  elif error="$("${head[@]}" 2>&1 >/dev/null)"; then
    echo "deploy.sh: s3://$bucket/$key already uploaded" >&2
  elif [[ "$error" == *"(404) when calling the HeadObject operation"* ]]; then
    run "${cp[@]}"
  else
    # A 403 or a throttled request says nothing about the object: uploading anyway could hide the cause.
    die "check artifact: head-object s3://$bucket/$key: ${error:-failed without a message}"
  fi
}

# The Architecture a stack's parameter files ask for (the templates' default, x86_64, when they name none).
architecture_of() {
  local value
  value="$(jq -rs 'map(.[]) | map(select(.ParameterKey == "Architecture")) | last | .ParameterValue // "x86_64"' "$@")"
  case "$value" in
    x86_64|arm64) echo "$value" ;;
    *) die "read parameters: Architecture '$value' in $* is not x86_64 or arm64" ;;
  esac
}

# What package.sh --arch builds for one function: x86_64, arm64 or both.
arch_spec() {
  local -n wanted="$1"
  if [ -n "${wanted[x86_64]:-}" ] && [ -n "${wanted[arm64]:-}" ]; then echo both
  elif [ -n "${wanted[arm64]:-}" ]; then echo arm64
  else echo x86_64
  fi
}

# The zip package.sh writes for a function and architecture, and the content-addressed key it is uploaded under.
artifact_of() {
  if [ "$2" = arm64 ]; then echo "$artifacts_dir/$1-arm64.zip"; else echo "$artifacts_dir/$1.zip"; fi
}
key_of() {
  local sha
  sha="$(sha256_of "$(artifact_of "$1" "$2")")" || exit $?
  if [ "$2" = arm64 ]; then echo "$1/arm64/$sha.zip"; else echo "$1/$sha.zip"; fi
}

alerting_architecture="$(architecture_of "$params_dir/callee.json")"
# shellcheck disable=SC2034 # both sets are read through arch_spec's nameref
declare -A alerting_architectures=(["$alerting_architecture"]=1) invoker_architectures=() caller_architecture=()
for profile in "${caller_profiles[@]}"; do
  mapfile -t caller_param_files < <(caller_files caller "$profile")
  caller_architecture["$profile"]="$(architecture_of "${caller_param_files[@]}")"
  # shellcheck disable=SC2034 # read through arch_spec's nameref
  invoker_architectures["${caller_architecture[$profile]}"]=1
done

# Bucket names are global: two callers with the same artifact bucket would fail halfway, so refuse before any call.
declare -A bucket_owner=()
for profile in "${caller_profiles[@]}"; do
  mapfile -t s3_caller_files < <(caller_files s3-caller "$profile")
  bucket="$(jq -rs 'map(.[]) | map(select(.ParameterKey == "BucketName")) | last | .ParameterValue // ""' "${s3_caller_files[@]}")"
  [ -n "$bucket" ] || die "read parameters: no BucketName for caller $profile in $params_dir/s3-caller.json"
  if [ -n "${bucket_owner[$bucket]:-}" ]; then
    die "read parameters: callers ${bucket_owner[$bucket]} and $profile would share artifact bucket $bucket; give each a $params_dir/s3-caller.<profile>.json with its own BucketName"
  fi
  bucket_owner["$bucket"]="$profile"
done

if [ "$dry_run" = false ]; then
  check_aws_cli
fi
if [ "$first_install" = true ]; then
  check_first_install "$callee_profile" "$callee_region"
fi

if [ "$skip_build" = false ]; then
  alerting_spec="$(arch_spec alerting_architectures)" invoker_spec="$(arch_spec invoker_architectures)"
  if [ "$alerting_spec" = x86_64 ] && [ "$invoker_spec" = x86_64 ]; then
    run ./package.sh
  elif [ "$alerting_spec" = "$invoker_spec" ]; then
    run ./package.sh --arch "$alerting_spec"
  else
    run ./package.sh --arch "$alerting_spec" alerting
    run ./package.sh --arch "$invoker_spec" invoker
  fi
fi

alerting_zip="$(artifact_of alerting "$alerting_architecture")"
alerting_key="$(key_of alerting "$alerting_architecture")" || exit $?

if [ "$dry_run" = true ]; then
  echo "# order: Callee in $callee_profile, then ${#caller_profiles[@]} caller account(s): ${caller_profiles[*]}" >&3
fi

# Account A: artifact bucket, alerting zip, callee.
deploy_stack "$callee_profile" "$callee_region" S3Callee artifact-bucket.yaml "$params_dir/s3-callee.json" --
callee_bucket="$(stack_output "$callee_profile" "$callee_region" S3Callee BucketName)"
callee_key_arn="$(stack_output "$callee_profile" "$callee_region" S3Callee KeyArn)"
upload_artifact "$callee_profile" "$callee_region" "$callee_bucket" "$callee_key_arn" "$alerting_zip" "$alerting_key"

callee_overrides=("ArtifactBucketName=$callee_bucket" "CodeS3Key=$alerting_key")
callee_overrides+=("ReleaseId=$(release_id "$params_dir/callee.json" -- "${callee_overrides[@]}")")
create_role=true
if [ "$first_install" = true ]; then
  create_role=false
fi
deploy_stack "$callee_profile" "$callee_region" Callee callee.yaml "$params_dir/callee.json" -- \
  "${callee_overrides[@]}" "CreateCrossAccountRole=$create_role"
function_alias_arn="$(stack_output "$callee_profile" "$callee_region" Callee FunctionAliasArn)"
cross_account_role_arn="$(stack_output "$callee_profile" "$callee_region" Callee CrossAccountRoleArn)"
callee_timeout="$(stack_output "$callee_profile" "$callee_region" Callee FunctionTimeoutSeconds)"

# Each caller account in turn: artifact bucket, invoker zip, caller.
caller_number=0
for caller_profile in "${caller_profiles[@]}"; do
  caller_number=$((caller_number + 1))
  echo "# caller $caller_number of ${#caller_profiles[@]}: $caller_profile" >&3
  mapfile -t s3_caller_files < <(caller_files s3-caller "$caller_profile")
  mapfile -t caller_param_files < <(caller_files caller "$caller_profile")
  invoker_zip="$(artifact_of invoker "${caller_architecture[$caller_profile]}")"
  invoker_key="$(key_of invoker "${caller_architecture[$caller_profile]}")" || exit $?
  deploy_stack "$caller_profile" "$caller_region" S3Caller artifact-bucket.yaml "${s3_caller_files[@]}" --
  caller_bucket="$(stack_output "$caller_profile" "$caller_region" S3Caller BucketName)"
  caller_key_arn="$(stack_output "$caller_profile" "$caller_region" S3Caller KeyArn)"
  upload_artifact "$caller_profile" "$caller_region" "$caller_bucket" "$caller_key_arn" "$invoker_zip" "$invoker_key"

  caller_overrides=("ArtifactBucketName=$caller_bucket" "CodeS3Key=$invoker_key"
    "TargetRoleArn=$cross_account_role_arn" "TargetFunctionArn=$function_alias_arn"
    "TargetRegion=$callee_region" "CalleeTimeoutSeconds=$callee_timeout")
  caller_overrides+=("ReleaseId=$(release_id "${caller_param_files[@]}" -- "${caller_overrides[@]}")")
  deploy_stack "$caller_profile" "$caller_region" Caller caller.yaml "${caller_param_files[@]}" -- "${caller_overrides[@]}"
done

# First install only: the invoker roles exist now, so the trust policy naming them can be created.
if [ "$first_install" = true ]; then
  deploy_stack "$callee_profile" "$callee_region" Callee callee.yaml "$params_dir/callee.json" -- \
    "${callee_overrides[@]}" "CreateCrossAccountRole=true"
fi

echo "deploy.sh: done$([ "$dry_run" = true ] && echo ' (dry run, nothing called)')" >&2
