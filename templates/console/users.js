import { cognito, cognitoAll } from './api.js';
import { confirmAction, errorBox, facts, h, link, route, table, time } from './dom.js';

// Users of a pool: search (ListUsers' Filter), and one user's status, attributes and groups with the operator's
// actions (AdminEnableUser/AdminDisableUser, AdminResetUserPassword, AdminDeleteUser), each confirmed first.

/** The attributes ListUsers can filter on (ListUsers reference, "Filter"). */
const SEARCHABLE = ['username', 'email', 'phone_number', 'name', 'given_name', 'family_name', 'preferred_username', 'cognito:user_status', 'status', 'sub'];

/** `email ^= "jo"`: the value quoted, its quotation marks and backslashes escaped with a backslash. */
const filterOf = (attribute, operator, value) => `${attribute} ${operator} "${value.replace(/["\\]/g, '\\$&')}"`;

const status = (name) => h('span', { class: 'status', 'data-status': name }, name);

const attribute = (user, name) => (user.Attributes ?? []).find((a) => a.Name === name)?.Value;

export async function usersView({ params: [poolId], query }) {
  const searched = { attribute: SEARCHABLE.includes(query.attribute) ? query.attribute : 'username', operator: query.operator === '=' ? '=' : '^=', value: query.value ?? '' };
  const filter = searched.value ? filterOf(searched.attribute, searched.operator, searched.value) : undefined;
  const { UserPool: pool } = await cognito('DescribeUserPool', { UserPoolId: poolId });

  const select = (name, label, options, chosen) => h('select', { name, 'aria-label': label },
    options.map(([value, text]) => h('option', { value, selected: value === chosen }, text)));
  const attributeSelect = select('attribute', 'Attribute', SEARCHABLE.map((a) => [a, a]), searched.attribute);
  const operatorSelect = select('operator', 'Match', [['^=', 'starts with'], ['=', 'equals']], searched.operator);
  const valueInput = h('input', { type: 'search', name: 'value', 'aria-label': 'Search', value: searched.value, placeholder: 'value' });
  const form = h('form', { class: 'inline', role: 'search', onsubmit: (event) => {
    event.preventDefault();
    const next = new URLSearchParams({ attribute: attributeSelect.value, operator: operatorSelect.value, value: valueInput.value });
    location.hash = `${route('users', poolId)}${valueInput.value ? `?${next}` : ''}`;
  } }, attributeSelect, operatorSelect, valueInput, h('button', {}, 'Search'));

  const list = h('div', {});
  const more = h('button', { type: 'button', hidden: true }, 'More');
  let token;
  const rows = [];
  const loadPage = async () => {
    const answer = await cognito('ListUsers', { UserPoolId: poolId, Limit: 60, ...(filter ? { Filter: filter } : {}), ...(token ? { PaginationToken: token } : {}) });
    token = answer.PaginationToken;
    rows.push(...(answer.Users ?? []).map((u) => [
      link(route('users', poolId, u.Username), u.Username), status(u.UserStatus), u.Enabled ? 'enabled' : 'disabled',
      attribute(u, 'email') ?? attribute(u, 'phone_number') ?? '', time(u.UserCreateDate), time(u.UserLastModifiedDate),
    ]));
    list.replaceChildren(table(['Username', 'Status', 'Enabled', 'Email or phone', 'Created', 'Modified'], rows, filter ? 'No user matches.' : 'No users yet.'));
    more.hidden = !token;
  };
  // A search the API refuses shows its error under the form, which stays there to correct it.
  const loadOrSay = () => loadPage().catch((error) => list.append(errorBox(error)));
  more.addEventListener('click', loadOrSay);
  await loadOrSay();
  return h('section', {},
    h('p', { class: 'crumbs' }, link(route('pools', poolId), pool.Name), ' / users'),
    h('h1', {}, `Users of ${pool.Name}`),
    form, list, more);
}

export async function userView(context) {
  const [poolId, username] = context.params;
  const key = { UserPoolId: poolId, Username: username };
  const [user, groups] = await Promise.all([
    cognito('AdminGetUser', key),
    cognitoAll('AdminListGroupsForUser', { ...key, Limit: 60 }, 'Groups'),
  ]);
  const notice = h('div', { role: 'status', class: 'notice' });
  /** Runs one action after the operator confirms it, then shows the user again (or the list, once deleted). */
  const act = (label, question, operation, after = () => context.refresh()) => h('button', {
    type: 'button', class: operation === 'AdminEnableUser' ? undefined : 'danger',
    onclick: async () => {
      if (question && !(await confirmAction(question, label))) return;
      try {
        await cognito(operation, key);
        await after();
      } catch (error) {
        notice.replaceChildren(errorBox(error));
      }
    },
  }, label);
  return h('section', {},
    h('p', { class: 'crumbs' }, link(route('pools', poolId), poolId), ' / ', link(route('users', poolId), 'users'), ` / ${user.Username}`),
    h('h1', {}, user.Username),
    facts([
      ['Status', status(user.UserStatus)],
      ['Enabled', user.Enabled ? 'yes' : 'no'],
      ['Created', time(user.UserCreateDate)],
      ['Modified', time(user.UserLastModifiedDate)],
      ['MFA', user.UserMFASettingList?.join(', ')],
      ['Codes', link(`#/inbox?${new URLSearchParams({ pool: poolId, user: user.Username })}`, 'what cogniform sent them')],
    ]),
    h('div', { class: 'actions' },
      user.Enabled
        ? act('Disable', `Disable ${user.Username}? They can no longer sign in, and their tokens stop working.`, 'AdminDisableUser')
        : act('Enable', undefined, 'AdminEnableUser'),
      act('Reset password', `Reset ${user.Username}'s password? They must set a new one with a code sent to them.`, 'AdminResetUserPassword'),
      act('Delete', `Delete ${user.Username} from ${poolId}? This cannot be undone.`, 'AdminDeleteUser', () => {
        location.hash = route('users', poolId);
      })),
    notice,
    h('h2', {}, 'Attributes'),
    table(['Name', 'Value'], (user.UserAttributes ?? []).map((a) => [h('code', {}, a.Name), a.Value ?? '']), 'No attributes.'),
    h('h2', {}, 'Groups'),
    table(['Group', 'Precedence', 'Description'], groups.map((g) => [g.GroupName, g.Precedence ?? '', g.Description ?? '']), 'In no group.'));
}
