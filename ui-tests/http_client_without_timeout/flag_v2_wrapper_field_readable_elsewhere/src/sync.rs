use crate::api::GitHub;

pub async fn repos(gh: &GitHub, org: &str) -> reqwest::Result<String> {
    let url = format!("https://api.github.com/orgs/{org}/repos");
    gh.inner.get(url).send().await?.text().await
}
