// The sign-in form of Tasklist, Cockpit, Admin and the welcome page (each lists this script in its scripts/config.js):
// after a wrong password Camunda empties both fields; the user name is put back, so a clerk retypes only the password.
// The message shown (PAGE_LOGIN_ERROR_MSG in each app's locales/zh.json) says how long the engine makes one wait
// after wrong passwords. Plain JavaScript, a plugin of the apps' "<app>.login.data" point, whose
// result(promise, scope) Camunda calls with each sign-in attempt.

function restore(scope, name) {
  const input = document.querySelector('form[name="signinForm"] input[ng-model="username"]');
  if (!input || input.value === name) {
    return;
  }
  // Through the field's own model, so that Angular's form sees it filled in (the field is required).
  const model = window.angular ? window.angular.element(input).controller('ngModel') : null;
  scope.$apply(() => {
    if (model) {
      model.$setViewValue(name);
      model.$render();
    } else {
      scope.username = name;
    }
  });
  const password = document.querySelector('form[name="signinForm"] input[type="password"]');
  if (password) {
    password.focus();
  }
}

function keepUserName(login, scope) {
  const name = scope.username;
  login.catch(() => {
    // Camunda's own handlers of the failure run after this one and clear the form; put the name back after them.
    [50, 300].forEach((delay) => setTimeout(() => restore(scope, name), delay));
  });
}

export default ['tasklist', 'cockpit', 'admin', 'welcome'].map((app) => ({
  id: 'litigation.login.' + app,
  pluginPoint: app + '.login.data',
  result: keepUserName,
  render() {}
}));
